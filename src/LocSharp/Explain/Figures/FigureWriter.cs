using System.Text;
using System.Xml;
using System.Xml.Linq;
using SkiaSharp;

namespace LocSharp.Explain.Figures;

/// <summary>The two files a figure was written to.</summary>
/// <param name="SvgPath">Vector version, for papers and zooming.</param>
/// <param name="PngPath">Raster version, at <c>PngScale</c> pixels per SVG unit.</param>
public sealed record FigureFiles(string SvgPath, string PngPath);

/// <summary>
/// Runs one drawing routine twice, on an SVG canvas and on a raster surface, and writes both files atomically.
/// </summary>
internal static class FigureWriter
{
    static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Renders <paramref name="draw"/> at <paramref name="width"/> × <paramref name="height"/> units to
    /// basePath.svg and to basePath.png (<paramref name="pngScale"/> pixels per unit).</summary>
    /// <param name="basePath">Output path without extension; a trailing .svg or .png is dropped.</param>
    public static FigureFiles Write(string basePath, int width, int height, float pngScale, Action<SKCanvas> draw)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(basePath);
        if (width is < 16 or > 20000 || height is < 16 or > 20000)
            throw new ArgumentOutOfRangeException(nameof(width), $"A figure must be 16 to 20000 units each way, not {width} × {height}.");
        if (!(pngScale > 0 && pngScale <= 8))
            throw new ArgumentOutOfRangeException(nameof(pngScale), $"The PNG scale must be in (0, 8], not {pngScale}.");

        var (svgPath, pngPath) = PathsFor(basePath);
        // Render both before touching the file system, so a drawing error writes nothing.
        byte[] svg = RenderSvg(width, height, draw);
        byte[] png = RenderPng(width, height, pngScale, draw);
        AtomicFile.WriteAllBytes(svgPath, svg);
        AtomicFile.WriteAllBytes(pngPath, png);
        return new FigureFiles(svgPath, pngPath);
    }

    public static (string Svg, string Png) PathsFor(string basePath)
    {
        string extension = Path.GetExtension(basePath);
        if (extension.Equals(".svg", StringComparison.OrdinalIgnoreCase) || extension.Equals(".png", StringComparison.OrdinalIgnoreCase))
            basePath = basePath[..^extension.Length];
        return (basePath + ".svg", basePath + ".png");
    }

    internal static byte[] RenderSvg(int width, int height, Action<SKCanvas> draw)
    {
        using var buffer = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), buffer))
            draw(canvas); // the SVG is complete only once the canvas is disposed
        return Tidy(buffer.ToArray(), width, height);
    }

    internal static byte[] RenderPng(int width, int height, float scale, Action<SKCanvas> draw)
    {
        int pixelWidth = (int)Math.Round(width * scale), pixelHeight = (int)Math.Round(height * scale);
        var info = new SKImageInfo(pixelWidth, pixelHeight, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info)
            ?? throw new InvalidOperationException($"SkiaSharp could not allocate a {pixelWidth} × {pixelHeight} surface.");
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.Scale(pixelWidth / (float)width, pixelHeight / (float)height);
        draw(surface.Canvas);
        surface.Canvas.Flush();
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>
    /// Fixes what Skia's SVG writer leaves rough: adds a viewBox (so the figure scales), gives text a font-family
    /// fallback list, writes glyph position lists without Skia's trailing comma ("1, 2, ") and text without its
    /// indentation. Parsing the output also proves it is well-formed XML.
    /// </summary>
    static byte[] Tidy(byte[] skiaSvg, int width, int height)
    {
        XDocument document;
        using (var input = new MemoryStream(skiaSvg))
            document = XDocument.Load(input, LoadOptions.PreserveWhitespace);
        XElement root = document.Root ?? throw new InvalidOperationException("Skia wrote an SVG without a root element.");
        root.SetAttributeValue("viewBox", $"0 0 {width} {height}");

        foreach (XElement element in root.Descendants())
        {
            if ((string?)element.Attribute("font-family") == FigureFonts.Family)
                element.SetAttributeValue("font-family", FigureFonts.SvgFontFamily);
            if (element.Name == Svg + "text")
            {
                foreach (string name in (string[])["x", "y"])
                    if (element.Attribute(name) is { } list)
                        list.Value = string.Join(' ', list.Value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries));
                // Skia indents the text itself; viewers drop that white space, and so do we (it already collapses
                // runs of spaces inside the text, listing one position per character it keeps).
                foreach (XText node in element.Nodes().OfType<XText>())
                    node.Value = node.Value.Trim();
            }
        }

        using var output = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };
        using (var writer = XmlWriter.Create(output, settings))
            document.Save(writer);
        return output.ToArray();
    }
}
