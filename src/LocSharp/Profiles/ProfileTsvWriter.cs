using System.Text;
using LocSharp.Sequences;

namespace LocSharp.Profiles;

/// <summary>
/// Writes LocSharp's profile format, the one <see cref="ProfileTsvReader"/> reads: the header
/// <see cref="ProfileTsvReader.Header"/>, then one line per residue (ID, position from 1, residue, the 20 scores in
/// the header's column order).
/// </summary>
public sealed class ProfileTsvWriter(TextWriter output)
{
    static readonly int[] FromStandard = ProfileTsvReader.ScoreColumns.Select(Residues.StandardIndex).ToArray();

    bool _headerWritten;

    /// <summary>Writes the header (once, before the first profile; <see cref="Write"/> calls it).</summary>
    public void WriteHeader()
    {
        if (_headerWritten) return;
        output.Write(ProfileTsvReader.Header);
        output.Write('\n');
        _headerWritten = true;
    }

    /// <summary>Writes the rows of protein <paramref name="id"/>.</summary>
    public void Write(string id, Profile profile)
    {
        if (id.Length == 0 || id.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0)
            throw new ArgumentException($"A profile ID must be non-empty and hold no tab or line break: '{id}'.", nameof(id));
        WriteHeader();
        var line = new StringBuilder(128);
        for (int i = 0; i < profile.Length; i++)
        {
            line.Clear().Append(id).Append('\t').Append(i + 1).Append('\t').Append(profile.Residues[i]);
            var row = profile.Row(i);
            foreach (int column in FromStandard) line.Append('\t').Append(row[column]);
            line.Append('\n');
            output.Write(line);
        }
    }
}
