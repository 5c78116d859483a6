namespace LocSharp.Data;

/// <summary>A protein with its location label.</summary>
/// <param name="Id">Unique ID (the FASTA header's first word).</param>
/// <param name="Sequence">Upper-case residue codes, as read by <see cref="Sequences.FastaReader"/>.</param>
/// <param name="Location">The location label, e.g. "ER" (MultiLoc) or "Cell.membrane" (DeepLoc).</param>
/// <param name="Partition">Its partition in the split (e.g. "test", "fold1"), or null when no split was given.</param>
/// <param name="Signal">The annotated N-terminal sorting signal, if any (MultiLoc headers only).</param>
/// <param name="Membrane">Membrane-bound (true) or soluble (false), from DeepLoc's -M / -S suffix; null when
/// unknown (-U, or no flag).</param>
public sealed record LabelledProtein(string Id, string Sequence, string Location, string? Partition, SortingSignal? Signal,
    bool? Membrane = null);
