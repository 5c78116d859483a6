namespace LocSharp.Sequences;

/// <summary>
/// A FASTA input that cannot be read. The message names the input, the line and the record, says what was
/// expected and found, and how to fix it.
/// </summary>
/// <param name="source">File name as given by the user, or "&lt;stdin&gt;".</param>
/// <param name="line">1-based line number, or null when the problem is the input as a whole.</param>
/// <param name="recordId">ID of the record being read, or null before the first header.</param>
/// <param name="problem">What was expected, what was found and how to fix it.</param>
public sealed class FastaFormatException(string source, int? line, string? recordId, string problem, Exception? inner = null)
    : InputException(source, line, recordId, problem, inner);
