using LocSharp.Data;
using LocSharp.Encoding;

namespace LocSharp.Explain;

/// <summary>How much of one protein's attention falls inside its annotated sorting signal.</summary>
/// <param name="Type">Kind of signal.</param>
/// <param name="SignalResidues">Residues of the signal the model read (all of them unless truncation cut some).</param>
/// <param name="LengthUsed">Residues the model read: min(protein length, maximum length).</param>
/// <param name="Mass">Sum of the attention weights over those signal residues (the weights sum to 1 over the protein).</param>
public sealed record SignalAttention(SignalType Type, int SignalResidues, int LengthUsed, double Mass)
{
    /// <summary>The mass a uniform spread of attention would put inside: SignalResidues / LengthUsed.</summary>
    public double Expected => (double)SignalResidues / LengthUsed;

    /// <summary>Mass over <see cref="Expected"/>: 1 = no more attention than a uniform spread, 10 = ten times as much.</summary>
    public double Enrichment => Mass / Expected;
}

/// <summary>The <see cref="SignalAttention"/> of one kind of signal over many proteins.</summary>
/// <param name="Count">Proteins measured.</param>
/// <param name="MeanMass">Mean attention mass inside the signal.</param>
/// <param name="MeanExpected">Mean mass a uniform spread would put there.</param>
/// <param name="MeanEnrichment">Mean of the proteins' enrichment ratios (not the ratio of the means).</param>
/// <param name="MedianEnrichment">Median of the enrichment ratios (the mean of the middle two for even counts).</param>
public sealed record SignalAttentionSummary(SignalType Type, int Count, double MeanMass, double MeanExpected, double MeanEnrichment, double MedianEnrichment);

/// <summary>
/// Attention inside annotated sorting signals compared with a uniform spread, a measure of whether an A-LSTM looks
/// where the biology says the sorting information is.
/// </summary>
public static class SignalAttentionMeasure
{
    /// <summary>
    /// For one protein: mass = Σ α over the signal residues the model read, expected = their number / the residues
    /// the model read, enrichment = mass / expected.
    /// </summary>
    /// <param name="weights">Attention over the residues the model read: min(<paramref name="originalLength"/>,
    /// <paramref name="maxLength"/>) weights, N-terminus first.</param>
    /// <param name="originalLength">Length of the whole protein.</param>
    /// <param name="maxLength">The model's maximum length; longer proteins lose their middle (<see cref="Truncation"/>).</param>
    /// <param name="signal">The annotated signal, in the whole protein's 1-based numbering.</param>
    /// <returns>Null when the model read none of the signal's residues (a signal anchor inside a cut-out middle).</returns>
    /// <remarks>Signals at the N-terminus lie inside the kept head (the first ⌈max/2⌉ residues, 500 of 1000), so
    /// truncation leaves them whole; only the count of residues read, the denominator, changes.</remarks>
    public static SignalAttention? Measure(ReadOnlySpan<float> weights, int originalLength, int maxLength, SortingSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        int used = Math.Min(originalLength, maxLength);
        if (weights.Length != used)
            throw new ArgumentException($"Expected {used} weights (min of length {originalLength} and maximum {maxLength}), found {weights.Length}.", nameof(weights));
        if (signal.Start < 1 || signal.End > originalLength)
            throw new ArgumentOutOfRangeException(nameof(signal), $"Signal {signal.Start}..{signal.End} lies outside residues 1..{originalLength}.");
        int residues = 0;
        double mass = 0;
        for (int k = 0; k < used; k++)
        {
            int position = Truncation.OriginalPosition(k, originalLength, maxLength) + 1;
            if (position < signal.Start || position > signal.End) continue;
            residues++;
            mass += weights[k];
        }
        return residues == 0 ? null : new SignalAttention(signal.Type, residues, used, mass);
    }

    /// <summary>One summary per kind of signal present, in <see cref="SignalType"/> order.</summary>
    public static IReadOnlyList<SignalAttentionSummary> Summarize(IEnumerable<SignalAttention> measures) =>
        measures.GroupBy(m => m.Type).OrderBy(g => g.Key).Select(g =>
        {
            var members = g.ToList();
            return new SignalAttentionSummary(g.Key, members.Count, members.Average(m => m.Mass), members.Average(m => m.Expected),
                members.Average(m => m.Enrichment), Median(members.Select(m => m.Enrichment)));
        }).ToList();

    static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The MultiLoc header code of a signal type: SP, SA, cTP, mTP.</summary>
    public static string Code(SignalType type) => type switch
    {
        SignalType.SignalPeptide => "SP",
        SignalType.SignalAnchor => "SA",
        SignalType.ChloroplastTransitPeptide => "cTP",
        SignalType.MitochondrialTransitPeptide => "mTP",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Words for a signal type, for legends: "signal peptide", ...</summary>
    public static string Name(SignalType type) => type switch
    {
        SignalType.SignalPeptide => "signal peptide",
        SignalType.SignalAnchor => "signal anchor",
        SignalType.ChloroplastTransitPeptide => "chloroplast transit peptide",
        SignalType.MitochondrialTransitPeptide => "mitochondrial transit peptide",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
