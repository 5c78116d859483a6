namespace LocSharp;

/// <summary>
/// An input that cannot be used: a FASTA file, labelled data, a split, a mapping. The message names the source,
/// the line and the record where there is one, says what was expected and found, and how to fix it. The CLI turns
/// every subclass into exit code 1.
/// </summary>
public abstract class InputException : Exception
{
    /// <param name="source">The file as the user gave it, "&lt;stdin&gt;", or the text at fault.</param>
    /// <param name="line">1-based line number, or null when the problem is the input as a whole.</param>
    /// <param name="recordId">The record (protein) concerned, or null.</param>
    /// <param name="problem">What was expected, what was found and how to fix it.</param>
    protected InputException(string source, int? line, string? recordId, string problem, Exception? inner = null)
        : base(Where(source, line, recordId) + problem, inner)
    {
        Source = source;
        base.Source = source;
        Line = line;
        RecordId = recordId;
        Problem = problem;
    }

    /// <summary>The file, directory or text at fault. Hides <see cref="Exception.Source"/>, which is set to the same value.</summary>
    public new string Source { get; }

    /// <summary>1-based line number, or null when the problem is not on one line.</summary>
    public int? Line { get; }

    /// <summary>The record concerned, or null.</summary>
    public string? RecordId { get; }

    /// <summary>The message without the place.</summary>
    public string Problem { get; }

    static string Where(string source, int? line, string? recordId)
    {
        string where = line is int l ? $"{source} line {l}" : source;
        if (recordId is not null) where += $" (record {recordId})";
        return where + ": ";
    }
}
