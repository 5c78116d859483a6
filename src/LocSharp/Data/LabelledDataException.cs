namespace LocSharp.Data;

/// <summary>
/// Labelled data, a split or a location mapping that cannot be used. The message names the file, the line and
/// the record where there is one, what was expected and found, and how to fix it.
/// </summary>
public sealed class LabelledDataException : Exception
{
    /// <param name="source">The file, directory or mapping text at fault.</param>
    /// <param name="line">1-based line number, or null when the problem is not on one line.</param>
    /// <param name="recordId">The protein concerned, or null.</param>
    /// <param name="problem">What was expected, what was found and how to fix it.</param>
    public LabelledDataException(string source, int? line, string? recordId, string problem)
        : base(ErrorPrefix.Format(source, line, recordId) + problem)
    {
        Source = source;
        base.Source = source;
        Line = line;
        RecordId = recordId;
    }

    /// <summary>The file, directory or mapping text at fault. Hides <see cref="Exception.Source"/>, which is set to the same value.</summary>
    public new string Source { get; }

    /// <summary>1-based line number, or null when the problem is not on one line.</summary>
    public int? Line { get; }

    /// <summary>The protein concerned, or null.</summary>
    public string? RecordId { get; }
}
