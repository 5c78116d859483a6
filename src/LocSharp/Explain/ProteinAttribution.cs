namespace LocSharp.Explain;

/// <summary>One protein's per-residue attributions (<see cref="ResidueExplanation.Compute"/>).</summary>
/// <param name="ReadSequence">The residues the model read: the sequence, cut from the middle to its maximum length.</param>
/// <param name="Positions">1-based position in the whole sequence of each residue read.</param>
/// <param name="Attribution">The attributions, one per residue read, and the totals of the integration.</param>
/// <param name="ExplainedLocation">The location whose probability is explained.</param>
/// <param name="PredictedLocation">The most probable location.</param>
/// <param name="Probability">The probability of <paramref name="PredictedLocation"/>.</param>
/// <param name="Signal">The share of the absolute attribution inside the protein's annotated sorting signal (see
/// <see cref="ResidueExplanation.Compute"/>); null when it has none or the model read none of it.</param>
public sealed record ProteinAttribution(ExplainProtein Protein, string ReadSequence, int[] Positions, ResidueAttributions Attribution,
    string ExplainedLocation, string PredictedLocation, float Probability, SignalAttention? Signal);
