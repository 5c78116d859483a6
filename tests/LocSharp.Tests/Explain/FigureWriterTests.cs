using System.Globalization;
using System.Xml.Linq;
using LocSharp.Explain.Figures;
using LocSharp.Sequences;
using SkiaSharp;

namespace LocSharp.Tests.Explain;

/// <summary>Every figure writer, on tiny inputs: a well-formed SVG and a decodable PNG of the promised size.</summary>
public sealed class FigureWriterTests : IDisposable
{
    static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    readonly string directory = Directory.CreateTempSubdirectory("locsharp-figures-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    string PathFor(string name) => Path.Combine(directory, name);

    /// <summary>Checks both files and returns the SVG.</summary>
    static XDocument AssertValidFigure(FigureFiles files, float pngScale)
    {
        var svg = XDocument.Load(files.SvgPath);
        Assert.Equal(Svg + "svg", svg.Root!.Name);
        double width = double.Parse((string)svg.Root.Attribute("width")!, CultureInfo.InvariantCulture);
        double height = double.Parse((string)svg.Root.Attribute("height")!, CultureInfo.InvariantCulture);
        Assert.Equal($"0 0 {width} {height}", (string?)svg.Root.Attribute("viewBox"));

        byte[] png = File.ReadAllBytes(files.PngPath);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal((int)Math.Round(width * pngScale), bitmap.Width);
        Assert.Equal((int)Math.Round(height * pngScale), bitmap.Height);

        // All text uses the embedded font, whatever the machine has installed.
        var families = svg.Descendants().Select(e => (string?)e.Attribute("font-family")).OfType<string>().Distinct().ToList();
        Assert.NotEmpty(families);
        Assert.Equal([FigureFonts.SvgFontFamily], families);
        return svg;
    }

    static AttentionRow Row(string id, string location, int length) =>
        new(id, location, Enumerable.Range(0, length).Select(i => (float)(1 + i % 3) / (2 * length)).ToArray());

    [Fact]
    public void Heatmap_WritesBothFormatsAtTheRequestedSize()
    {
        AttentionRow[] rows = [Row("P1", "nuclear", 7), Row("P2", "ER", 12), Row("P3", "nuclear", 3)];

        var files = AttentionFigures.WriteHeatmap(PathFor("heatmap"), rows,
            new HeatmapOptions { Width = 420, Height = 260, PngScale = 1, LocationOrder = ["ER", "nuclear"] });

        Assert.Equal(PathFor("heatmap.svg"), files.SvgPath);
        Assert.Equal(PathFor("heatmap.png"), files.PngPath);
        var svg = AssertValidFigure(files, 1);
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("ER (1)", texts);
        Assert.Contains("nuclear (2)", texts);
        // Two embedded bitmaps, the cells and the colour bar; each cell is a whole block of bitmap pixels.
        var images = svg.Descendants(Svg + "image").Select(i => ((int)i.Attribute("width")!, (int)i.Attribute("height")!)).ToList();
        Assert.Equal(2, images.Count);
        Assert.Contains(images, size => size.Item1 % 12 == 0 && size.Item2 % 3 == 0 && size.Item1 > 12);
    }

    [Fact]
    public void Heatmap_RejectsLocationsMissingFromTheOrder()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            AttentionFigures.WriteHeatmap(PathFor("h"), [Row("P1", "Golgi", 5)], new HeatmapOptions { LocationOrder = ["ER"] }));
        Assert.Contains("Golgi", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(directory));
    }

    [Fact]
    public void Track_WithRoomForLetters_LabelsResidues()
    {
        var track = new AttentionTrack("P20698", "MKTAYIAKQR", Enumerable.Repeat(0.1f, 10).ToArray(), "extracellular", 0.93)
        {
            Signals = [new SequenceSpan(1, 4, "signal peptide")],
        };

        var svg = AssertValidFigure(AttentionFigures.WriteTrack(PathFor("track"), track, new TrackOptions { Width = 400, Height = 200, PngScale = 1.5f }), 1.5f);

        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("P20698: predicted extracellular (93%)", texts);
        Assert.Contains("signal peptide (1–4)", texts);
        Assert.Equal(2, texts.Count(t => t == "K")); // MKTAYIAKQR has two K
    }

    [Fact]
    public void Track_TooLongForLetters_UsesPositions()
    {
        string sequence = new(Enumerable.Range(0, 300).Select(i => Residues.Standard[i % 20]).ToArray());
        var track = new AttentionTrack("Q1", sequence, Enumerable.Repeat(1f / 300, 300).ToArray(), "cytoplasmic", 0.5);

        var svg = AssertValidFigure(AttentionFigures.WriteTrack(PathFor("track-long"), track, new TrackOptions { Width = 400, Height = 200, PngScale = 1 }), 1);

        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("100", texts);
        Assert.DoesNotContain("W", texts);
    }

    [Fact]
    public void Track_OfACutProtein_NumbersTheWholeProteinAndMarksTheCut()
    {
        // 16 residues read as 10: residues 1–5 and 12–16. Ticks every 2, in whole-protein numbers on each side.
        var track = new AttentionTrack("CUT", "ACDEFNPQRS", Enumerable.Repeat(0.1f, 10).ToArray(), "ER", 0.5)
        {
            OriginalLength = 16,
            Signals = [new SequenceSpan(2, 13, "signal anchor"), new SequenceSpan(7, 9, "hidden")],
        };

        var svg = AssertValidFigure(AttentionFigures.WriteTrack(PathFor("track-cut"), track, new TrackOptions { Width = 400, Height = 200, PngScale = 1 }), 1);

        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("14", texts);
        Assert.Contains("16", texts);
        Assert.DoesNotContain("10", texts);
        Assert.Contains(texts, t => t.Contains("residues 6–11 not read"));
        Assert.Contains("signal anchor (2–13)", texts);
        Assert.DoesNotContain(texts, t => t.StartsWith("hidden")); // wholly in the cut-out middle: not drawn
    }

    [Fact]
    public void Track_RejectsASequenceOfAnotherLength()
    {
        var track = new AttentionTrack("Q1", "MKT", [0.5f, 0.5f], "ER", 0.5);
        var error = Assert.Throws<ArgumentException>(() => AttentionFigures.WriteTrack(PathFor("t"), track));
        Assert.Contains("Truncation", error.Message);
    }

    [Fact]
    public void Scatter_ColoursByLocationWithALegend()
    {
        EmbeddingPoint[] points = [new(0, 0, "nuclear"), new(1, 1, "nuclear"), new(5, 2, "ER"), new(-3, 4, "Golgi")];

        var svg = AssertValidFigure(EmbeddingFigures.WriteScatter(PathFor("tsne"), points, new ScatterOptions { Width = 420, Height = 300, PngScale = 1 }), 1);

        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("nuclear (2)", texts);
        Assert.Contains("Golgi (1)", texts);
    }

    static NamedFilter Filter(string name, int width, int seed)
    {
        var random = new Random(seed);
        var w = new float[20, width];
        for (int r = 0; r < 20; r++)
            for (int j = 0; j < width; j++) w[r, j] = (float)(random.NextDouble() - 0.5);
        return new NamedFilter(name, w);
    }

    [Fact]
    public void Logo_DrawsLettersAsPaths()
    {
        var svg = AssertValidFigure(LogoFigures.WriteLogo(PathFor("logo"), Filter("conv3_f0", 3, 1), new LogoOptions { PngScale = 1 }), 1);

        Assert.Contains("Filter conv3_f0 (width 3)", svg.Descendants(Svg + "text").Select(t => t.Value));
        // Letter glyphs are filled paths in the residue colours (three positions, ~10 positive weights each).
        Assert.True(svg.Descendants(Svg + "path").Count() > 20);
    }

    [Fact]
    public void LogoGrid_PutsEveryFilterInOneFigure()
    {
        var filters = Enumerable.Range(0, 7).Select(i => Filter($"conv5_f{i}", 5, i)).ToList();

        var svg = AssertValidFigure(LogoFigures.WriteLogoGrid(PathFor("grid"), filters, new LogoGridOptions { PanelsPerRow = 4, PngScale = 1 }), 1);

        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.All(filters, f => Assert.Contains(f.Name, texts));
    }

    [Fact]
    public void ExtensionOnTheBasePath_IsReplaced()
    {
        var files = EmbeddingFigures.WriteScatter(PathFor("map.svg"), [new(0, 0, "ER")], new ScatterOptions { Width = 200, Height = 150, PngScale = 1 });

        Assert.Equal(PathFor("map.svg"), files.SvgPath);
        Assert.Equal(PathFor("map.png"), files.PngPath);
    }

    [Fact]
    public void RewritingAFigure_ReplacesItAndLeavesNoTemporaryFiles()
    {
        var options = new ScatterOptions { Width = 200, Height = 150, PngScale = 1 };
        EmbeddingFigures.WriteScatter(PathFor("again"), [new(0, 0, "ER")], options);
        EmbeddingFigures.WriteScatter(PathFor("again"), [new(0, 0, "ER"), new(1, 1, "ER")], options with { Title = "Second" });

        Assert.Equal(["again.png", "again.svg"], Directory.GetFiles(directory).Select(Path.GetFileName).Order());
        Assert.Contains("Second", XDocument.Load(PathFor("again.svg")).Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void MissingDirectory_ThrowsAndWritesNothing()
    {
        string missing = Path.Combine(directory, "no-such-dir", "figure");

        var error = Assert.Throws<DirectoryNotFoundException>(() =>
            LogoFigures.WriteLogo(missing, Filter("f", 2, 0), new LogoOptions { PngScale = 1 }));

        Assert.Contains("does not exist", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(directory));
    }

    [Fact]
    public void FailedRename_RemovesTheTemporaryFile()
    {
        // A directory where the SVG should go: writing the temporary file works, replacing the target cannot.
        Directory.CreateDirectory(PathFor("blocked.svg"));

        Assert.ThrowsAny<Exception>(() =>
            EmbeddingFigures.WriteScatter(PathFor("blocked"), [new(0, 0, "ER")], new ScatterOptions { Width = 200, Height = 150, PngScale = 1 }));

        Assert.Equal(["blocked.svg"], Directory.GetFileSystemEntries(directory).Select(Path.GetFileName));
        Assert.Empty(Directory.GetFileSystemEntries(PathFor("blocked.svg")));
    }

    [Fact]
    public void EmbeddedFont_HasGlyphsEvenWithoutSystemFonts()
    {
        // The system default typeface is empty on machines without fonts; the embedded one never is.
        Assert.Equal(FigureFonts.Family, FigureFonts.Regular.FamilyName);
        Assert.True(FigureFonts.Regular.GlyphCount > 1000);
        Assert.True(FigureFonts.Bold.IsBold);
        Assert.True(FigureFonts.Regular.ContainsGlyphs("ARNDCQEGHILKMFPSTWYV−…–≥"));
    }
}
