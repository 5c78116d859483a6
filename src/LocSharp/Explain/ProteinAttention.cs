namespace LocSharp.Explain;

/// <summary>An A-LSTM's attention over one protein (<see cref="AttentionExplanation.Compute"/>).</summary>
/// <param name="ReadSequence">The residues the network read: the sequence, cut from the middle to the model's
/// maximum length.</param>
/// <param name="Positions">1-based position in the whole sequence of each residue read.</param>
/// <param name="Weights">The attention weight at each residue read; they sum to 1.</param>
/// <param name="PredictedLocation">The most probable location.</param>
/// <param name="Probability">Its probability.</param>
/// <param name="Signal">The attention inside the protein's annotated sorting signal; null when it has none or the
/// network read none of it.</param>
public sealed record ProteinAttention(ExplainProtein Protein, string ReadSequence, int[] Positions, float[] Weights,
    string PredictedLocation, float Probability, SignalAttention? Signal);
