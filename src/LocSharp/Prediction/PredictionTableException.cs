namespace LocSharp.Prediction;

/// <summary>A file that should be a table written by `locsharp predict` is not one, or does not fit the others it
/// is merged with; the message names the file and line.</summary>
public sealed class PredictionTableException(string file, long? line, string problem)
    : Exception($"{file}{(line is null ? "" : $" line {line}")}: {problem}")
{
    public string File { get; } = file;
    public long? Line { get; } = line;
}
