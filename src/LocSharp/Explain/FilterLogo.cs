using LocSharp.Sequences;

namespace LocSharp.Explain;

/// <summary>One letter of a logo column.</summary>
/// <param name="Residue">One-letter code.</param>
/// <param name="Height">Height in logo units (the tallest column of the logo is 1).</param>
public sealed record LogoLetter(char Residue, double Height);

/// <summary>One position of a logo: letters stacked from the bottom up, smallest first, largest on top. Residues
/// of height 0 are left out.</summary>
public sealed record LogoColumn(IReadOnlyList<LogoLetter> Letters)
{
    public double Height => Letters.Sum(l => l.Height);
}

/// <summary>
/// A sequence logo of a first-layer convolution filter, as in Sønderby et al. (2015), Fig. 8: how much each
/// residue at each filter position raises the filter's activation.
/// </summary>
/// <param name="Columns">One column per filter position.</param>
/// <param name="Scale">Logo units per weight unit: 1 / (importance of the most important position); 0 when no
/// weight is positive.</param>
public sealed record FilterLogo(IReadOnlyList<LogoColumn> Columns, double Scale)
{
    /// <summary>
    /// Builds the logo of a filter from its one-hot weights.
    /// </summary>
    /// <param name="weights">[20, width]: the weights the filter applies to the one-hot residue channels, rows in
    /// <see cref="Residues.Standard"/> order (ARNDCQEGHILKMFPSTWYV).</param>
    /// <remarks>
    /// The rule:
    /// <list type="number">
    /// <item>residue importance at position j: max(w[r, j], 0). A one-hot input adds w[r, j] to the activation
    /// when residue r sits at j, so only positive weights make the filter fire; negative weights (residues the
    /// filter avoids) are left out rather than drawn as if they were wanted, which |w| would do;</item>
    /// <item>column importance: the sum of the residue importances at j;</item>
    /// <item>every height is multiplied by one factor, <see cref="Scale"/>, chosen so the most important column is
    /// exactly 1 tall; the other columns keep their size relative to it;</item>
    /// <item>within a column letters are sorted by height, largest on top (equal heights keep the order ARNDCQ… from the bottom up).</item>
    /// </list>
    /// A filter with no positive weight gets empty columns.
    /// </remarks>
    public static FilterLogo FromWeights(float[,] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        int residues = weights.GetLength(0), width = weights.GetLength(1);
        if (residues != Residues.Standard.Length)
            throw new ArgumentException(
                $"Expected {Residues.Standard.Length} rows of filter weights, one per residue in the order {Residues.Standard}; found {residues} rows and {width} columns. Is the matrix transposed ([width, 20])?",
                nameof(weights));
        if (width < 1) throw new ArgumentException("The filter has no positions (width 0).", nameof(weights));

        var importance = new double[residues, width];
        double tallest = 0;
        for (int j = 0; j < width; j++)
        {
            double column = 0;
            for (int r = 0; r < residues; r++)
            {
                float w = weights[r, j];
                if (!float.IsFinite(w))
                    throw new ArgumentException($"Weight for residue {Residues.Standard[r]} at position {j + 1} is {w}; weights must be finite.", nameof(weights));
                importance[r, j] = Math.Max(w, 0.0);
                column += importance[r, j];
            }
            tallest = Math.Max(tallest, column);
        }

        double scale = tallest > 0 ? 1 / tallest : 0;
        var columns = new LogoColumn[width];
        for (int j = 0; j < width; j++)
        {
            var letters = new List<LogoLetter>();
            for (int r = 0; r < residues; r++)
                if (importance[r, j] > 0)
                    letters.Add(new LogoLetter(Residues.Standard[r], importance[r, j] / tallest));
            // Bottom-up: ascending height; OrderBy is stable, so equal heights keep the ARND… order.
            columns[j] = new LogoColumn([.. letters.OrderBy(l => l.Height)]);
        }
        return new FilterLogo(columns, scale);
    }
}
