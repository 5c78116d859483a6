namespace LocSharp.Sequences;

/// <summary>One record of a FASTA file.</summary>
/// <param name="Id">The header's first word (never empty).</param>
/// <param name="Description">The rest of the header after the first word, trimmed; may be empty.</param>
/// <param name="Sequence">Upper-case residue codes from <see cref="Residues.All"/>, no whitespace, a final '*' dropped.</param>
/// <param name="Line">1-based line number of the record's header.</param>
public sealed record FastaRecord(string Id, string Description, string Sequence, int Line);
