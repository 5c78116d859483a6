using System.Globalization;
using SkiaSharp;

namespace LocSharp.Explain.Figures;

/// <summary>Settings of <see cref="LogoFigures.WriteLogo"/>.</summary>
public sealed record LogoOptions
{
    /// <summary>Title; null = the filter's name and width.</summary>
    public string? Title { get; init; }

    /// <summary>Width of one filter position, in SVG units.</summary>
    public float UnitsPerPosition { get; init; } = 40;

    /// <summary>Height of a column of importance 1.</summary>
    public float LogoHeight { get; init; } = 200;

    public float PngScale { get; init; } = 2;
}

/// <summary>Settings of <see cref="LogoFigures.WriteLogoGrid"/>.</summary>
public sealed record LogoGridOptions
{
    public string Title { get; init; } = "First-layer convolution filters";

    /// <summary>Panels per row.</summary>
    public int PanelsPerRow { get; init; } = 5;

    /// <summary>Height of a column of importance 1 in each panel.</summary>
    public float PanelHeight { get; init; } = 100;

    public float PngScale { get; init; } = 2;
}

/// <summary>
/// Sequence logos of first-layer convolution filters (Sønderby et al. 2015, Fig. 8). Drawn with SkiaSharp directly:
/// each letter is its glyph outline stretched to its box, so the logo looks the same in SVG and PNG and needs no
/// font on the viewer's side.
/// </summary>
public static class LogoFigures
{
    const float TickLength = 4;

    /// <summary>
    /// One filter's logo (<see cref="FilterLogo.FromWeights"/>): x = filter position, y = importance relative to the
    /// filter's most important position (0–1), letters coloured by chemistry with a legend.
    /// </summary>
    /// <param name="basePath">Output path without extension: basePath.svg and basePath.png are written.</param>
    public static FigureFiles WriteLogo(string basePath, NamedFilter filter, LogoOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        options ??= new LogoOptions();
        var logo = FilterLogo.FromWeights(filter.Weights);
        int positions = logo.Columns.Count;
        string title = options.Title ?? $"Filter {filter.Name} (width {positions})";

        float logoWidth = positions * options.UnitsPerPosition;
        const float left = 78, right = 24, top = 48, axisBelow = 48;
        float width = Math.Max(left + logoWidth + right, 460);
        var legend = LegendLayout(width - 40);
        float height = top + options.LogoHeight + axisBelow + legend.Height + 16;
        // Narrow logos (few positions) sit in the middle of the figure.
        var area = SKRect.Create(left + (width - left - logoWidth - right) / 2, top, logoWidth, options.LogoHeight);

        void Draw(SKCanvas canvas)
        {
            using var painter = new Painter(canvas);
            painter.Background(width, height);
            painter.Text(title, width / 2, 28, 16, bold: true);
            painter.Logo(logo, area);
            painter.YAxis(area, [0, 0.25, 0.5, 0.75, 1], labels: true, fontSize: 11);
            painter.XAxis(area, positions, fontSize: 11);
            painter.Text("Filter position", area.MidX, area.Bottom + 40, 13);
            painter.VerticalText("Relative importance", area.Left - 56, area.MidY, 13);
            painter.Legend(legend, 20, area.Bottom + axisBelow + 8);
        }
        return FigureWriter.Write(basePath, (int)Math.Ceiling(width), (int)Math.Ceiling(height), options.PngScale, Draw);
    }

    /// <summary>
    /// Logos of many filters (e.g. all filters of one width) in a grid of panels, each scaled to its own most
    /// important position, with shared axis labels and one chemistry legend.
    /// </summary>
    /// <param name="basePath">Output path without extension: basePath.svg and basePath.png are written.</param>
    public static FigureFiles WriteLogoGrid(string basePath, IReadOnlyList<NamedFilter> filters, LogoGridOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(filters);
        options ??= new LogoGridOptions();
        if (filters.Count == 0) throw new ArgumentException("There are no filters to draw.", nameof(filters));
        if (options.PanelsPerRow < 1) throw new ArgumentOutOfRangeException(nameof(options), "There must be at least one panel per row.");
        var logos = filters.Select(f => FilterLogo.FromWeights(f.Weights)).ToArray();

        int maxPositions = logos.Max(l => l.Columns.Count);
        float unitsPerPosition = Math.Clamp(180f / maxPositions, 8, 40);
        float panelWidth = Math.Max(maxPositions * unitsPerPosition, 80);
        int perRow = Math.Min(options.PanelsPerRow, filters.Count), rows = (filters.Count + perRow - 1) / perRow;
        const float left = 76, right = 20, top = 52, gapX = 26, titleAbove = 20, axisBelow = 24, gapY = 16;
        float cellHeight = titleAbove + options.PanelHeight + axisBelow + gapY;
        float width = Math.Max(left + perRow * panelWidth + (perRow - 1) * gapX + right, 460);
        var legend = LegendLayout(width - 40);
        float gridBottom = top + rows * cellHeight;
        float height = gridBottom + 24 + legend.Height + 16;

        void Draw(SKCanvas canvas)
        {
            using var painter = new Painter(canvas);
            painter.Background(width, height);
            painter.Text(options.Title, width / 2, 30, 16, bold: true);
            for (int i = 0; i < logos.Length; i++)
            {
                int row = i / perRow, column = i % perRow;
                int positions = logos[i].Columns.Count;
                var area = SKRect.Create(left + column * (panelWidth + gapX), top + row * cellHeight + titleAbove,
                    positions * unitsPerPosition, options.PanelHeight);
                painter.Text(filters[i].Name, area.Left + Math.Max(area.Width, 60) / 2, area.Top - 7, 11, bold: true);
                painter.Logo(logos[i], area);
                painter.YAxis(area, [0, 0.5, 1], labels: column == 0, fontSize: 9);
                painter.XAxis(area, positions, fontSize: 9);
            }
            painter.Text("Filter position", left + (width - left - right) / 2, gridBottom + 8, 13);
            painter.VerticalText("Relative importance", 22, top + (gridBottom - top) / 2, 13);
            painter.Legend(legend, 20, gridBottom + 24);
        }
        return FigureWriter.Write(basePath, (int)Math.Ceiling(width), (int)Math.Ceiling(height), options.PngScale, Draw);
    }

    sealed record LegendItem(FigurePalette.ResidueClass Class, float X, float Y);
    sealed record Legend(IReadOnlyList<LegendItem> Items, float Height);

    const float LegendFont = 11, LegendSwatch = 10, LegendRow = 18;

    /// <summary>Flows the chemistry legend into rows no wider than <paramref name="maxWidth"/>.</summary>
    static Legend LegendLayout(float maxWidth)
    {
        using var font = FigureFonts.Font(LegendFont);
        var items = new List<LegendItem>();
        float x = 0, y = 0;
        foreach (var c in FigurePalette.ResidueClasses)
        {
            float itemWidth = LegendSwatch + 5 + font.MeasureText(LegendText(c)) + 18;
            if (x > 0 && x + itemWidth > maxWidth) { x = 0; y += LegendRow; }
            items.Add(new LegendItem(c, x, y));
            x += itemWidth;
        }
        return new Legend(items, y + LegendRow);
    }

    static string LegendText(FigurePalette.ResidueClass c) => $"{c.Name} ({c.Residues})";

    /// <summary>Drawing primitives, in SVG units; one per rendering (it caches glyph outlines).</summary>
    sealed class Painter(SKCanvas canvas) : IDisposable
    {
        readonly Dictionary<char, (SKPath Path, SKRect Bounds)> glyphs = [];
        readonly SKPaint ink = new() { Color = FigurePalette.Ink, IsAntialias = true };
        readonly SKPaint stroke = new() { Color = FigurePalette.Ink, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };

        public void Dispose()
        {
            foreach (var (path, _) in glyphs.Values) path.Dispose();
            ink.Dispose();
            stroke.Dispose();
        }

        public void Background(float width, float height)
        {
            using var white = new SKPaint { Color = SKColors.White };
            canvas.DrawRect(0, 0, width, height, white);
        }

        public void Text(string text, float x, float y, float size, bool bold = false, SKTextAlign align = SKTextAlign.Center)
        {
            using var font = FigureFonts.Font(size, bold);
            canvas.DrawText(text, x, y, align, font, ink);
        }

        public void VerticalText(string text, float x, float y, float size)
        {
            canvas.Save();
            canvas.RotateDegrees(-90, x, y);
            Text(text, x, y, size);
            canvas.Restore();
        }

        /// <summary>Stacks each column's letters bottom-up in <paramref name="area"/> (height 1 = area height).</summary>
        public void Logo(FilterLogo logo, SKRect area)
        {
            float columnWidth = area.Width / logo.Columns.Count;
            float pad = Math.Min(1.5f, columnWidth * 0.05f);
            for (int j = 0; j < logo.Columns.Count; j++)
            {
                float bottom = area.Bottom;
                foreach (var letter in logo.Columns[j].Letters)
                {
                    float h = (float)(letter.Height * area.Height);
                    // Letters under a quarter of a unit are invisible even in the 2× PNG; leaving them out keeps SVGs small.
                    if (h >= 0.25f)
                        Glyph(letter.Residue, SKRect.Create(area.Left + j * columnWidth + pad, bottom - h, columnWidth - 2 * pad, h));
                    bottom -= h;
                }
            }
        }

        /// <summary>The letter's outline, stretched to fill <paramref name="box"/> exactly.</summary>
        void Glyph(char residue, SKRect box)
        {
            if (!glyphs.TryGetValue(residue, out var glyph))
            {
                using var font = FigureFonts.Font(100, isBold: true);
                var path = font.GetTextPath(residue.ToString(), new SKPoint(0, 0));
                glyph = (path, path.TightBounds);
                glyphs[residue] = glyph;
            }
            var matrix = SKMatrix.CreateScaleTranslation(
                box.Width / glyph.Bounds.Width, box.Height / glyph.Bounds.Height,
                box.Left - glyph.Bounds.Left * box.Width / glyph.Bounds.Width,
                box.Top - glyph.Bounds.Top * box.Height / glyph.Bounds.Height);
            using var placed = new SKPath(glyph.Path);
            placed.Transform(matrix);
            using var paint = new SKPaint { Color = FigurePalette.Residue(residue), IsAntialias = true };
            canvas.DrawPath(placed, paint);
        }

        public void YAxis(SKRect area, double[] ticks, bool labels, float fontSize)
        {
            float x = area.Left - 4;
            canvas.DrawLine(x, area.Top, x, area.Bottom, stroke);
            foreach (double t in ticks)
            {
                float y = area.Bottom - (float)t * area.Height;
                canvas.DrawLine(x - TickLength, y, x, y, stroke);
                if (labels)
                    Text(t.ToString("0.##", CultureInfo.InvariantCulture), x - TickLength - 3, y + fontSize * 0.35f, fontSize, align: SKTextAlign.Right);
            }
        }

        public void XAxis(SKRect area, int positions, float fontSize)
        {
            float y = area.Bottom + 2;
            canvas.DrawLine(area.Left, y, area.Right, y, stroke);
            float columnWidth = area.Width / positions;
            int every = columnWidth >= fontSize * 1.6f ? 1 : columnWidth * 5 >= fontSize * 1.6f ? 5 : 10;
            for (int p = 1; p <= positions; p++)
            {
                float x = area.Left + (p - 0.5f) * columnWidth;
                bool labelled = p == 1 || p % every == 0;
                canvas.DrawLine(x, y, x, y + (labelled ? TickLength : TickLength / 2), stroke);
                if (labelled)
                    Text(p.ToString(CultureInfo.InvariantCulture), x, y + TickLength + fontSize + 1, fontSize);
            }
        }

        public void Legend(Legend legend, float x, float y)
        {
            using var font = FigureFonts.Font(LegendFont);
            foreach (var item in legend.Items)
            {
                using var fill = new SKPaint { Color = item.Class.Color, IsAntialias = true };
                canvas.DrawRect(SKRect.Create(x + item.X, y + item.Y + 2, LegendSwatch, LegendSwatch), fill);
                canvas.DrawText(LegendText(item.Class), x + item.X + LegendSwatch + 5, y + item.Y + LegendSwatch + 1, SKTextAlign.Left, font, ink);
            }
        }
    }
}
