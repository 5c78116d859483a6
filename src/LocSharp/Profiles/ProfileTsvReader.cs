using System.Text;
using LocSharp.Sequences;

namespace LocSharp.Profiles;

/// <summary>
/// Reads LocSharp's profile format (plain or gzip): a tab-separated header
/// <c>id position residue A C D E F G H I K L M N P Q R S T V W Y</c>, then one line per residue of every protein in
/// sequence order: the protein's ID, the position (from 1), the protein's own residue and its 20 integer scores in
/// the header's column order. A protein's rows are contiguous and every residue has one.
/// </summary>
public static class ProfileTsvReader
{
    /// <summary>The header's score columns, in the file's order (alphabetical one-letter codes).</summary>
    public const string ScoreColumns = "ACDEFGHIKLMNPQRSTVWY";

    public static readonly string Header = "id\tposition\tresidue\t" + string.Join('\t', ScoreColumns.ToCharArray());

    /// <summary>Reads every profile of <paramref name="paths"/> into one set.</summary>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="ProfileFormatException">A file is malformed (the message names file, line and protein).</exception>
    public static ProfileSet Read(params IEnumerable<string> paths)
    {
        var set = new ProfileSet();
        foreach (string path in paths) Read(path, set);
        return set;
    }

    /// <summary>Adds every profile of the file <paramref name="path"/> to <paramref name="set"/>.</summary>
    public static void Read(string path, ProfileSet set)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Profile file {path} does not exist.", path);
        using var file = File.OpenRead(path);
        using var text = CompressionSniffer.Open(file, path);
        using var reader = new StreamReader(text, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        set.AddSource(path);
        string? header = reader.ReadLine();
        if (header == null) throw new ProfileFormatException(path, 1, null, $"the file is empty; expected the header '{Header}'.");
        if (header.TrimEnd('\r') != Header)
            throw new ProfileFormatException(path, 1, null, $"expected the header '{Header}' (tab-separated), found '{header}'.");

        int[] toStandard = ScoreColumns.Select(c => Residues.StandardIndex(c)).ToArray();
        string? id = null;
        var residues = new StringBuilder();
        var scores = new List<sbyte>();
        var fields = new Range[24];
        long line = 1;
        void Finish()
        {
            if (id != null) set.Add(id, new Profile(residues.ToString(), scores.ToArray()), path);
            residues.Clear();
            scores.Clear();
        }

        for (string? row = reader.ReadLine(); row != null; row = reader.ReadLine())
        {
            line++;
            ReadOnlySpan<char> span = row.AsSpan().TrimEnd('\r');
            if (span.IsEmpty) continue;
            int count = span.Split(fields, '\t');
            string rowId = span[fields[0]].ToString();
            if (count != 23)
                throw new ProfileFormatException(path, line, rowId, $"expected 23 tab-separated columns (id, position, residue, 20 scores), found {count}.");
            if (rowId != id)
            {
                Finish();
                id = rowId;
            }
            if (!int.TryParse(span[fields[1]], out int position) || position != residues.Length + 1)
                throw new ProfileFormatException(path, line, id,
                    $"expected position {residues.Length + 1}, found '{span[fields[1]]}'; a protein's rows must be contiguous and in sequence order from 1.");
            ReadOnlySpan<char> residue = span[fields[2]];
            if (residue.Length != 1 || !Residues.IsValid(residue[0]))
                throw new ProfileFormatException(path, line, id, $"'{residue}' is not a residue code.");
            residues.Append(char.ToUpperInvariant(residue[0]));
            int start = scores.Count;
            for (int j = 0; j < Profile.Columns; j++) scores.Add(0);
            for (int j = 0; j < Profile.Columns; j++)
            {
                if (!int.TryParse(span[fields[3 + j]], out int score))
                    throw new ProfileFormatException(path, line, id, $"the {ScoreColumns[j]} score '{span[fields[3 + j]]}' is not an integer.");
                scores[start + toStandard[j]] = Profile.Clamp(score);
            }
        }
        Finish();
    }
}
