using System.Text;
using LocSharp.Sequences;

namespace LocSharp.Profiles;

/// <summary>
/// Reads PSI-BLAST's ASCII PSSMs (<c>psiblast -out_ascii_pssm FILE</c>, plain or gzip), one protein per file: a title
/// line, a header naming the residue columns (<c>A R N D C Q E G H I L K M F P S T W Y V</c>, then the same again for
/// the observed percentages), then one line per residue: the position (from 1), the residue, its 20 log-odds scores
/// in the header's order, and further columns that are not read. The rows end at the first blank line.
/// The protein's ID is the file name without its extension (and without a final <c>.gz</c>).
/// </summary>
public static class PsiBlastPssmReader
{
    /// <summary>Words PSI-BLAST's title line holds, by which a PSSM is told from other files.</summary>
    public const string Title = "position-specific scoring matrix";

    /// <summary>The protein ID of a PSSM file: its name without the extension (and without a final .gz).</summary>
    public static string IdOf(string path)
    {
        string name = Path.GetFileName(path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) name = name[..^3];
        return Path.GetFileNameWithoutExtension(name);
    }

    /// <summary>Adds the profile of the PSSM file <paramref name="path"/>, or of every file of the folder
    /// <paramref name="path"/> (hidden files aside), to <paramref name="set"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file or folder.</exception>
    /// <exception cref="ProfileFormatException">A file is not a PSSM, or is malformed (the message names file, line and protein).</exception>
    public static void Read(string path, ProfileSet set)
    {
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0) throw new ProfileFormatException(path, null, null, "the folder holds no PSSM files; expected one PSI-BLAST ASCII PSSM per protein, named ID.pssm.");
            set.AddSource(path);
            foreach (string file in files) set.Add(IdOf(file), ReadFile(file), file);
            return;
        }
        set.AddSource(path);
        set.Add(IdOf(path), ReadFile(path), path);
    }

    /// <summary>The profile of one PSSM file.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="ProfileFormatException">The file is not a PSSM or is malformed.</exception>
    public static Profile ReadFile(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"PSSM file {path} does not exist.", path);
        using var file = File.OpenRead(path);
        using var text = CompressionSniffer.Open(file, path);
        using var reader = new StreamReader(text, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        return Read(reader, path, IdOf(path));
    }

    /// <summary>The profile of one PSSM read from <paramref name="reader"/>; <paramref name="source"/> and
    /// <paramref name="id"/> name it in errors.</summary>
    public static Profile Read(TextReader reader, string source, string id)
    {
        long line = 0;
        string? row;
        bool titled = false;
        int[]? toStandard = null;
        while ((row = reader.ReadLine()) != null)
        {
            line++;
            if (row.Contains(Title, StringComparison.OrdinalIgnoreCase)) { titled = true; continue; }
            if (string.IsNullOrWhiteSpace(row)) continue;
            if (!titled)
                throw new ProfileFormatException(source, line, id, $"expected a PSI-BLAST ASCII PSSM (psiblast -out_ascii_pssm), whose title mentions the '{Title}'; found '{Shorten(row)}'.");
            toStandard = Columns(row.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), source, line, id);
            break;
        }
        if (toStandard == null)
            throw new ProfileFormatException(source, line == 0 ? null : line, id, titled
                ? "the PSSM has no header of residue columns (A R N D ...)."
                : "the file is empty; expected a PSI-BLAST ASCII PSSM.");

        var residues = new StringBuilder();
        var scores = new List<sbyte>();
        while ((row = reader.ReadLine()) != null)
        {
            line++;
            if (string.IsNullOrWhiteSpace(row)) break;
            string[] fields = row.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2 + Profile.Columns)
                throw new ProfileFormatException(source, line, id, $"expected the position, the residue and {Profile.Columns} scores, found {fields.Length} columns.");
            if (!int.TryParse(fields[0], out int position) || position != residues.Length + 1)
                throw new ProfileFormatException(source, line, id, $"expected position {residues.Length + 1}, found '{fields[0]}'; rows must be in sequence order from 1.");
            if (fields[1].Length != 1 || !Residues.IsValid(fields[1][0]))
                throw new ProfileFormatException(source, line, id, $"'{fields[1]}' is not a residue code.");
            residues.Append(char.ToUpperInvariant(fields[1][0]));
            int start = scores.Count;
            for (int j = 0; j < Profile.Columns; j++) scores.Add(0);
            for (int j = 0; j < Profile.Columns; j++)
            {
                if (!int.TryParse(fields[2 + j], out int score))
                    throw new ProfileFormatException(source, line, id, $"score {j + 1} ('{fields[2 + j]}') is not an integer.");
                scores[start + toStandard[j]] = Profile.Clamp(score);
            }
        }
        if (residues.Length == 0) throw new ProfileFormatException(source, line, id, "the PSSM has no residue rows.");
        return new Profile(residues.ToString(), scores.ToArray());
    }

    /// <summary>For each of the header's first 20 columns, its index in <see cref="Residues.Standard"/>.</summary>
    static int[] Columns(string[] header, string source, long line, string id)
    {
        string found = string.Join(' ', header);
        string expected = "20 columns naming each standard residue once (A R N D C Q E G H I L K M F P S T W Y V)";
        if (header.Length < Profile.Columns || header.Take(Profile.Columns).Any(h => h.Length != 1))
            throw new ProfileFormatException(source, line, id, $"expected a header of {expected}, found '{Shorten(found)}'.");
        int[] map = header.Take(Profile.Columns).Select(h => Residues.StandardIndex(char.ToUpperInvariant(h[0]))).ToArray();
        if (map.Any(i => i < 0) || map.Distinct().Count() != Profile.Columns)
            throw new ProfileFormatException(source, line, id, $"expected a header of {expected}, found '{Shorten(found)}'.");
        return map;
    }

    static string Shorten(string text) => text.Length <= 80 ? text.Trim() : text[..80].Trim() + "…";
}
