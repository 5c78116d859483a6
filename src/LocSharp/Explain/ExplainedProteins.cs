namespace LocSharp.Explain;

/// <summary>
/// An explanation of every protein of an input, one <typeparamref name="T"/> a protein, in input order.
/// <see cref="Proteins"/> is lazy: each protein is explained as it is enumerated and nothing is kept, so a report
/// that consumes it as it comes (writing rows as they arrive) streams a proteome through in bounded memory. Every
/// enumeration computes again: enumerate once, or materialise a few proteins with ToList.
/// </summary>
/// <param name="Input">The proteins explained.</param>
/// <param name="ModelLocations">The locations the model predicts, in its order.</param>
public sealed record ExplainedProteins<T>(ExplainInput Input, IReadOnlyList<string> ModelLocations, IEnumerable<T> Proteins);
