namespace LocSharp.Profiles;

/// <summary>A profile file is malformed, or does not fit the proteins it is used with; the message names the file,
/// line and protein.</summary>
public sealed class ProfileFormatException(string file, long? line, string? protein, string problem)
    : Exception(Describe(file, line, protein, problem))
{
    public string File { get; } = file;
    public long? Line { get; } = line;
    public string? Protein { get; } = protein;

    static string Describe(string file, long? line, string? protein, string problem) =>
        $"{file}{(line is null ? "" : $", line {line}")}{(protein is null ? "" : $", protein {protein}")}: {problem}";
}
