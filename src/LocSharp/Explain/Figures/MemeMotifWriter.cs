using System.Globalization;
using System.Text;
using LocSharp.Sequences;

namespace LocSharp.Explain.Figures;

/// <summary>A first-layer convolution filter's one-hot weights, with a name.</summary>
/// <param name="Name">Name without white space, e.g. "conv9_f3" (it becomes a MEME motif name and a panel title).</param>
/// <param name="Weights">[20, width], rows in <see cref="Residues.Standard"/> order (ARNDCQEGHILKMFPSTWYV).</param>
public sealed record NamedFilter(string Name, float[,] Weights);

/// <summary>How <see cref="MemeMotifWriter"/> turns weights into probabilities.</summary>
public sealed record MemeOptions
{
    /// <summary>Pseudocount added to every residue's importance, as a fraction of the filter's largest weight
    /// (see <see cref="MemeMotifWriter.ToProbabilities"/>). Must be positive.</summary>
    public double PseudocountFraction { get; init; } = 0.01;

    /// <summary>Background letter frequencies for the header, keyed by residue; null = uniform (0.05 each).</summary>
    public IReadOnlyDictionary<char, double>? Background { get; init; }
}

/// <summary>
/// Writes filters as motifs in MEME's minimal motif format (version 4), which MEME-suite tools such as Tomtom, FIMO
/// and meme2images read. https://meme-suite.org/meme/doc/meme-format.html
/// </summary>
/// <remarks>
/// Matrix columns follow MEME's protein alphabet, which is alphabetical (ACDEFGHIKLMNPQRSTVWY), not LocSharp's
/// ARNDCQ… order; rows are filter positions. There is no "strands:" line: strands apply to DNA only. Probabilities
/// are printed with 6 decimals, rounded so that each printed row sums to exactly 1.
/// </remarks>
public static class MemeMotifWriter
{
    /// <summary>MEME's protein alphabet, in the order of the matrix columns.</summary>
    public const string Alphabet = "ACDEFGHIKLMNPQRSTVWY";

    const int Digits = 6;
    const long Units = 1_000_000; // 10^Digits

    public static void Write(string path, IReadOnlyList<NamedFilter> filters, MemeOptions? options = null) =>
        AtomicFile.WriteAllText(path, Format(filters, options));

    public static string Format(IReadOnlyList<NamedFilter> filters, MemeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(filters);
        options ??= new MemeOptions();
        if (filters.Count == 0) throw new ArgumentException("There are no filters to write.", nameof(filters));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var filter in filters)
        {
            if (string.IsNullOrEmpty(filter.Name) || filter.Name.Any(char.IsWhiteSpace))
                throw new ArgumentException($"Motif name '{filter.Name}' must be one word: MEME reads the first word as the name.", nameof(filters));
            if (!names.Add(filter.Name))
                throw new ArgumentException($"Motif name '{filter.Name}' occurs twice; names must be unique.", nameof(filters));
        }

        var text = new StringBuilder();
        text.Append("MEME version 4\n\n");
        text.Append("ALPHABET= ").Append(Alphabet).Append("\n\n");
        text.Append("Background letter frequencies\n");
        long[] background = RoundToUnits(BackgroundFrequencies(options.Background));
        text.AppendJoin(' ', Alphabet.Select((c, i) => $"{c} {Print(background[i])}")).Append("\n\n");

        foreach (var filter in filters)
        {
            double[,] p = ToProbabilities(filter.Weights, options.PseudocountFraction);
            int width = p.GetLength(0);
            text.Append("MOTIF ").Append(filter.Name).Append('\n');
            text.Append($"letter-probability matrix: alength= {Alphabet.Length} w= {width} nsites= 20 E= 0\n");
            var row = new double[Alphabet.Length];
            for (int j = 0; j < width; j++)
            {
                for (int a = 0; a < row.Length; a++) row[a] = p[j, a];
                text.AppendJoin(' ', RoundToUnits(row).Select(Print)).Append('\n');
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>
    /// Letter probabilities of a filter: [width, 20], columns in <see cref="Alphabet"/> order.
    /// </summary>
    /// <remarks>
    /// The rule matches the logos (<see cref="FilterLogo.FromWeights"/>): a residue counts by the positive part of
    /// its weight, q = max(w, 0), plus a pseudocount ε; p[j, r] = (q[r, j] + ε) / Σ_r' (q[r', j] + ε), with
    /// ε = <paramref name="pseudocountFraction"/> × the filter's largest weight (or 1 if none is positive). So
    /// positions whose weights are all small or negative come out near uniform, strongly weighted positions come
    /// out peaked, and scaling all weights by a constant changes nothing.
    /// </remarks>
    public static double[,] ToProbabilities(float[,] weights, double pseudocountFraction = 0.01)
    {
        // FromWeights checks the shape and that every weight is finite.
        int width = FilterLogo.FromWeights(weights).Columns.Count;
        if (!(pseudocountFraction > 0 && double.IsFinite(pseudocountFraction)))
            throw new ArgumentOutOfRangeException(nameof(pseudocountFraction), $"The pseudocount fraction must be positive, not {pseudocountFraction}.");

        double largest = 0;
        foreach (float w in weights) largest = Math.Max(largest, w);
        double epsilon = pseudocountFraction * (largest > 0 ? largest : 1);

        var p = new double[width, Alphabet.Length];
        for (int j = 0; j < width; j++)
        {
            double total = 0;
            for (int a = 0; a < Alphabet.Length; a++)
            {
                int r = Residues.StandardIndex(Alphabet[a]);
                p[j, a] = Math.Max(weights[r, j], 0.0) + epsilon;
                total += p[j, a];
            }
            for (int a = 0; a < Alphabet.Length; a++) p[j, a] /= total;
        }
        return p;
    }

    static double[] BackgroundFrequencies(IReadOnlyDictionary<char, double>? given)
    {
        if (given is null) return Enumerable.Repeat(1.0 / Alphabet.Length, Alphabet.Length).ToArray();
        var frequencies = new double[Alphabet.Length];
        for (int a = 0; a < Alphabet.Length; a++)
        {
            if (!given.TryGetValue(Alphabet[a], out double f) || !(f > 0) || !double.IsFinite(f))
                throw new ArgumentException($"The background needs a positive frequency for every residue of {Alphabet}; '{Alphabet[a]}' has none.");
            frequencies[a] = f;
        }
        double sum = frequencies.Sum();
        if (Math.Abs(sum - 1) > 1e-3)
            throw new ArgumentException($"Background frequencies must sum to 1; they sum to {sum:G6}.");
        return frequencies.Select(f => f / sum).ToArray();
    }

    /// <summary>Rounds a distribution to millionths that sum to exactly 10^6 (largest remainders get the spare units).</summary>
    static long[] RoundToUnits(double[] distribution)
    {
        var units = new long[distribution.Length];
        long assigned = 0;
        for (int i = 0; i < units.Length; i++)
        {
            units[i] = (long)Math.Floor(distribution[i] * Units);
            assigned += units[i];
        }
        foreach (int i in Enumerable.Range(0, units.Length)
                     .OrderByDescending(i => distribution[i] * Units - units[i]).ThenBy(i => i)
                     .Take((int)(Units - assigned)))
            units[i]++;
        return units;
    }

    static string Print(long units) => (units / (double)Units).ToString("F" + Digits, CultureInfo.InvariantCulture);
}
