using System.Globalization;

namespace LocSharp.Sequences;

/// <summary>One part written by <see cref="FastaSplitter"/>.</summary>
/// <param name="Path">The part's FASTA file.</param>
/// <param name="Proteins">Records in it.</param>
/// <param name="Residues">Residues in it.</param>
public sealed record FastaPart(string Path, int Proteins, long Residues);

/// <summary>
/// Cuts a FASTA file into N consecutive parts of similar residue count, so that N jobs (profiles, predictions)
/// take similar time and their outputs, concatenated in part order, are in input order. The cut is a pure
/// function of the sequence lengths: the same input always gives the same parts.
/// </summary>
/// <remarks>
/// The input is read twice: once to check every record and count residues (nothing is written if it is
/// malformed), once to write the parts. Each part is written atomically as <c>part-K.fasta</c>, K from 1,
/// zero-padded to the width of N, records as <c>&gt;ID description</c> with the sequence in lines of 60.
/// </remarks>
public static class FastaSplitter
{
    const int LineWidth = 60;

    /// <summary>The file name of part <paramref name="part"/> (from 1) of <paramref name="parts"/>.</summary>
    public static string PartFileName(int part, int parts) =>
        $"part-{part.ToString(CultureInfo.InvariantCulture).PadLeft(parts.ToString(CultureInfo.InvariantCulture).Length, '0')}.fasta";

    /// <summary>
    /// How many consecutive records go into each of <paramref name="parts"/> parts. Cut k (k = 1..N-1) falls
    /// after the record whose running residue total is nearest k/N of the whole (the earlier record on a tie),
    /// keeping every part non-empty.
    /// </summary>
    /// <exception cref="InvalidSettingException">Fewer than one part, or more parts than records.</exception>
    public static int[] PartSizes(IReadOnlyList<int> lengths, int parts)
    {
        if (parts < 1) throw new InvalidSettingException($"The number of parts must be at least 1, not {parts}.");
        if (parts > lengths.Count)
            throw new InvalidSettingException($"{lengths.Count} protein{(lengths.Count == 1 ? "" : "s")} cannot be cut into {parts} non-empty parts; ask for {lengths.Count} or fewer.");
        var prefix = new long[lengths.Count + 1]; // prefix[j]: residues of the first j records
        for (int i = 0; i < lengths.Count; i++) prefix[i + 1] = prefix[i] + lengths[i];

        var sizes = new int[parts];
        int previous = 0; // records before the current part
        for (int k = 1; k < parts; k++)
        {
            // The cut j (records before it) lies in [previous + 1, count - (parts - k)] so no part is empty.
            int low = previous + 1, high = lengths.Count - (parts - k);
            decimal target = (decimal)prefix[^1] * k / parts;
            int cut = low;
            while (cut < high && prefix[cut] < target) cut++;
            if (cut > low && target - prefix[cut - 1] <= prefix[cut] - target) cut--;
            sizes[k - 1] = cut - previous;
            previous = cut;
        }
        sizes[^1] = lengths.Count - previous;
        return sizes;
    }

    /// <summary>Splits the FASTA file <paramref name="input"/> into <paramref name="parts"/> files in
    /// <paramref name="directory"/> (created if missing).</summary>
    /// <exception cref="FastaFormatException">The input is malformed; no part has been written.</exception>
    /// <exception cref="FileNotFoundException">The input does not exist.</exception>
    /// <exception cref="InvalidSettingException">Standard input, fewer than one part, or more parts than records.</exception>
    public static IReadOnlyList<FastaPart> Split(string input, int parts, string directory)
    {
        if (input is FastaReader.StandardInput or FastaReader.StandardInputName)
            throw new InvalidSettingException("Splitting reads the input twice, so it must be a file, not standard input.");
        var records = FastaReader.Read(input);
        var lengths = records.Select(r => r.Sequence.Length).ToList();
        int[] sizes = PartSizes(lengths, parts);

        Directory.CreateDirectory(directory);
        var written = new List<FastaPart>(parts);
        using var reader = records.GetEnumerator();
        for (int k = 0; k < parts; k++)
        {
            string path = Path.Combine(directory, PartFileName(k + 1, parts));
            long residues = 0;
            AtomicFile.Write(path, stream =>
            {
                using var text = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
                for (int i = 0; i < sizes[k]; i++)
                {
                    if (!reader.MoveNext())
                        throw new FastaFormatException(input, null, null, $"the input changed while it was being split: it now has fewer than the {lengths.Count} records it had; split it again.");
                    Write(text, reader.Current);
                    residues += reader.Current.Sequence.Length;
                }
            });
            written.Add(new FastaPart(path, sizes[k], residues));
        }
        return written;
    }

    static void Write(TextWriter text, FastaRecord record)
    {
        text.Write('>');
        text.Write(record.Id);
        if (record.Description.Length > 0)
        {
            text.Write(' ');
            text.Write(record.Description);
        }
        text.WriteLine();
        for (int start = 0; start < record.Sequence.Length; start += LineWidth)
            text.WriteLine(record.Sequence.AsSpan(start, Math.Min(LineWidth, record.Sequence.Length - start)));
    }
}
