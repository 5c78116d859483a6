using System.Reflection;
using ScottPlot;
using SkiaSharp;

namespace LocSharp.Explain.Figures;

/// <summary>
/// The one typeface of every figure: DejaVu Sans, embedded in the assembly.
/// </summary>
/// <remarks>
/// A machine without system fonts (a fresh container) gives SkiaSharp an empty default typeface (no glyphs, family
/// ""), and ScottPlot picks its default font from the system, so all text would silently vanish. Embedding the font
/// also makes figures look the same on every machine. ScottPlot reaches it through a font resolver registered under
/// <see cref="ScottPlotName"/>; SVG files name the family <see cref="Family"/> (see <see cref="SvgFontFamily"/>).
/// </remarks>
internal static class FigureFonts
{
    /// <summary>Family name stored in the embedded files.</summary>
    public const string Family = "DejaVu Sans";

    /// <summary>Name the ScottPlot resolver answers to; unique, so it never shadows a system font.</summary>
    public const string ScottPlotName = "LocSharp DejaVu Sans";

    /// <summary>font-family written into SVG files: the embedded family, then look-alikes a viewer may have.</summary>
    public const string SvgFontFamily = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif";

    static readonly Lazy<SKTypeface> regular = new(() => Load("DejaVuSans.ttf"));
    static readonly Lazy<SKTypeface> bold = new(() => Load("DejaVuSans-Bold.ttf"));
    static readonly Lock registration = new();
    static bool registered;

    public static SKTypeface Regular => regular.Value;
    public static SKTypeface Bold => bold.Value;

    public static SKFont Font(float size, bool isBold = false) =>
        new(isBold ? Bold : Regular, size) { Subpixel = true, Edging = SKFontEdging.Antialias };

    /// <summary>Makes every text element of <paramref name="plot"/> use the embedded font.</summary>
    public static void Apply(Plot plot)
    {
        EnsureRegistered();
        plot.Font.Set(ScottPlotName);
        plot.Legend.FontName = ScottPlotName;
        plot.Legend.SetBestFontOnEachRender = false;
        foreach (var axis in plot.Axes.GetAxes())
        {
            Apply(axis.Label, axis.Label.Bold);
            Apply(axis.TickLabelStyle, bold: false);
        }
        Apply(plot.Axes.Title.Label, plot.Axes.Title.Label.Bold);
        foreach (var colorBar in plot.Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>())
        {
            Apply(colorBar.LabelStyle, colorBar.LabelStyle.Bold);
            Apply(colorBar.Axis.Label, colorBar.Axis.Label.Bold);
            Apply(colorBar.Axis.TickLabelStyle, bold: false);
        }
    }

    /// <summary>Sets the typeface itself: ScottPlot uses a label's typeface, when set, over its name and bold flag.</summary>
    public static void Apply(LabelStyle style, bool bold)
    {
        EnsureRegistered();
        style.FontName = ScottPlotName;
        style.Bold = bold;
        style.Font = bold ? Bold : Regular;
    }

    internal static void EnsureRegistered()
    {
        lock (registration)
        {
            if (registered) return;
            // First, so no other resolver answers for our name with a fallback typeface.
            Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
            registered = true;
        }
    }

    static SKTypeface Load(string file)
    {
        string name = "LocSharp.Fonts." + file;
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded font {name} is missing from the LocSharp assembly; the build should embed Explain/Figures/Fonts/*.ttf.");
        var typeface = SKTypeface.FromStream(stream);
        if (typeface is null || typeface.GlyphCount == 0)
            throw new InvalidOperationException($"SkiaSharp could not read the embedded font {name}.");
        return typeface;
    }

    sealed class EmbeddedFontResolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == ScottPlotName ? (bold ? Bold : Regular) : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
            CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);
    }
}
