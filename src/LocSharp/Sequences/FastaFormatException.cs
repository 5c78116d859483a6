namespace LocSharp.Sequences;

/// <summary>
/// A FASTA input that cannot be read. The message names the input, the line and the record, says what was
/// expected and found, and how to fix it.
/// </summary>
public sealed class FastaFormatException : Exception
{
    /// <param name="source">File name as given by the user, or "&lt;stdin&gt;".</param>
    /// <param name="line">1-based line number, or null when the problem is the input as a whole.</param>
    /// <param name="recordId">ID of the record being read, or null before the first header.</param>
    /// <param name="problem">What was expected, what was found and how to fix it.</param>
    public FastaFormatException(string source, int? line, string? recordId, string problem)
        : base(ErrorPrefix.Format(source, line, recordId) + problem)
    {
        Source = source;
        base.Source = source;
        Line = line;
        RecordId = recordId;
    }

    /// <summary>
    /// File name as given by the user, or "&lt;stdin&gt;". Hides <see cref="Exception.Source"/>, which is set to the
    /// same value, so the two views agree.
    /// </summary>
    public new string Source { get; }

    /// <summary>1-based line number, or null when the problem is the input as a whole (e.g. an empty file).</summary>
    public int? Line { get; }

    /// <summary>ID of the record being read, or null before the first header.</summary>
    public string? RecordId { get; }
}
