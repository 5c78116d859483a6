namespace LocSharp.Profiles;

/// <summary>
/// Reads profiles in either format LocSharp takes: its profile TSV (<see cref="ProfileTsvReader"/>) or PSI-BLAST
/// ASCII PSSMs (<see cref="PsiBlastPssmReader"/>), one file per protein or a folder of them. The format is told from
/// the content, not the name.
/// </summary>
public static class ProfileReader
{
    /// <exception cref="FileNotFoundException">A path does not exist.</exception>
    /// <exception cref="ProfileFormatException">A file is in neither format, or malformed.</exception>
    public static ProfileSet Read(params IEnumerable<string> paths)
    {
        var set = new ProfileSet();
        foreach (string path in paths)
        {
            if (Directory.Exists(path) || IsPssm(path)) PsiBlastPssmReader.Read(path, set);
            else ProfileTsvReader.Read(path, set);
        }
        return set;
    }

    /// <summary>Whether the file's first non-blank line is a PSI-BLAST PSSM title.</summary>
    static bool IsPssm(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Profile file {path} does not exist.", path);
        using var file = File.OpenRead(path);
        using var text = Sequences.CompressionSniffer.Open(file, path);
        using var reader = new StreamReader(text);
        for (int i = 0; i < 5 && reader.ReadLine() is { } line; i++)
            if (!string.IsNullOrWhiteSpace(line)) return line.Contains(PsiBlastPssmReader.Title, StringComparison.OrdinalIgnoreCase);
        return false;
    }
}
