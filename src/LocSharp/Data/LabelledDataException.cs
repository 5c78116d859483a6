namespace LocSharp.Data;

/// <summary>
/// Labelled data, a split or a location mapping that cannot be used. The message names the file, the line and
/// the record where there is one, what was expected and found, and how to fix it.
/// </summary>
/// <param name="source">The file, directory or mapping text at fault.</param>
/// <param name="line">1-based line number, or null when the problem is not on one line.</param>
/// <param name="recordId">The protein concerned, or null.</param>
/// <param name="problem">What was expected, what was found and how to fix it.</param>
public sealed class LabelledDataException(string source, int? line, string? recordId, string problem)
    : InputException(source, line, recordId, problem);
