using SkiaSharp;

namespace LocSharp.Explain.Figures;

/// <summary>
/// Every colour a LocSharp figure uses, in one place: categories (locations), the continuous scale (attention
/// weights) and residue chemistry (sequence logos).
/// </summary>
public static class FigurePalette
{
    /// <summary>
    /// Okabe &amp; Ito (2008), "Color Universal Design": eight colours told apart under the common colour-vision
    /// deficiencies. Black comes last, as it draws the eye most.
    /// </summary>
    public static readonly IReadOnlyList<SKColor> OkabeIto =
    [
        new(0xE6, 0x9F, 0x00), // orange
        new(0x56, 0xB4, 0xE9), // sky blue
        new(0x00, 0x9E, 0x73), // bluish green
        new(0xF0, 0xE4, 0x42), // yellow
        new(0x00, 0x72, 0xB2), // blue
        new(0xD5, 0x5E, 0x00), // vermillion
        new(0xCC, 0x79, 0xA7), // reddish purple
        new(0x00, 0x00, 0x00), // black
    ];

    /// <summary>
    /// Three colours of Paul Tol's "muted" scheme that resemble no Okabe–Ito colour (wine, olive, indigo), so that
    /// MultiLoc's 11 locations each get their own. No 11-colour set is fully safe for colour-blind readers: figures
    /// with many categories also label them (legends, axis labels), never rely on colour alone.
    /// </summary>
    static readonly SKColor[] TolMutedExtension =
    [
        new(0x88, 0x22, 0x55), // wine
        new(0x99, 0x99, 0x33), // olive
        new(0x33, 0x22, 0x88), // indigo
    ];

    /// <summary>Most categories <see cref="Categorical"/> can colour.</summary>
    public static int MaxCategories => OkabeIto.Count + TolMutedExtension.Length;

    /// <summary>Text, axes and frames.</summary>
    public static readonly SKColor Ink = new(0x22, 0x22, 0x22);

    /// <summary>Light lines: grids, secondary rules.</summary>
    public static readonly SKColor Rule = new(0xBB, 0xBB, 0xBB);

    /// <summary>The single colour of one-series plots (Okabe–Ito blue).</summary>
    public static SKColor Primary => OkabeIto[4];

    /// <summary>Colours for <paramref name="count"/> categories: Okabe–Ito for up to 8, then Tol's muted wine, olive
    /// and indigo.</summary>
    public static IReadOnlyList<SKColor> Categorical(int count)
    {
        if (count < 0 || count > MaxCategories)
            throw new ArgumentOutOfRangeException(nameof(count),
                $"Figures tell apart at most {MaxCategories} categories by colour; {count} were asked for. Merge rare categories first.");
        return OkabeIto.Concat(TolMutedExtension).Take(count).ToArray();
    }

    /// <summary>The continuous scale (viridis: perceptually uniform, colour-blind safe, readable in grey).</summary>
    public static ScottPlot.IColormap ContinuousColormap() => new ScottPlot.Colormaps.Viridis();

    /// <summary>A residue chemistry class of the sequence logos.</summary>
    /// <param name="Name">Legend text.</param>
    /// <param name="Residues">One-letter codes in the class.</param>
    /// <param name="Color">Letter colour.</param>
    public sealed record ResidueClass(string Name, string Residues, SKColor Color);

    /// <summary>
    /// WebLogo's "chemistry" classes for protein (Crooks et al. 2004), drawn in Okabe–Ito colours instead of
    /// WebLogo's red and green, which colour-blind readers confuse.
    /// </summary>
    public static readonly IReadOnlyList<ResidueClass> ResidueClasses =
    [
        new("hydrophobic", "AVLIPWFM", OkabeIto[7]),
        new("polar", "GSTYC", OkabeIto[2]),
        new("amide", "NQ", OkabeIto[6]),
        new("basic", "KRH", OkabeIto[4]),
        new("acidic", "DE", OkabeIto[5]),
    ];

    /// <summary>Logo colour of a residue; grey for codes outside the 20 standard ones.</summary>
    public static SKColor Residue(char residue)
    {
        char upper = char.ToUpperInvariant(residue);
        foreach (var c in ResidueClasses)
            if (c.Residues.Contains(upper)) return c.Color;
        return Rule;
    }

    internal static ScottPlot.Color ToScottPlot(SKColor c, double alpha = 1) =>
        new(c.Red, c.Green, c.Blue, (byte)Math.Round(255 * alpha));
}
