using LocSharp.Sequences;

namespace LocSharp.Data;

/// <summary>
/// Reads labelled proteins for <c>train</c>, <c>cv</c> and <c>evaluate</c>, in either layout:
/// <list type="bullet">
/// <item>a directory with one FASTA file per location, the location being the file name without extension
/// (MultiLoc: <c>ER.fasta</c>, <c>Golgi.fasta</c>, ...); headers may annotate a sorting signal
/// (<c>&gt;P20698 SP 14</c>, see <see cref="SortingSignal.Parse"/>);</item>
/// <item>one FASTA file (or a stream) whose header's second word is the location, a trailing
/// <c>-M</c>, <c>-S</c> or <c>-U</c> (membrane-bound, soluble, unknown) becoming <see cref="LabelledProtein.Membrane"/> (DeepLoc:
/// <c>&gt;Q9Y4C2 Cell.membrane-M</c>). Only that one suffix goes, so DeepLoc's <c>Cytoplasm-Nucleus-U</c> is read as
/// its own location, <c>Cytoplasm-Nucleus</c>. Words after the location are ignored.</item>
/// </list>
/// With a split file (see <see cref="Read"/>) every protein gets its partition.
/// </summary>
public static class LabelledDataReader
{
    /// <summary>Extensions of the FASTA files read from a directory (any case), each optionally followed by ".gz".</summary>
    public static IReadOnlyList<string> FastaExtensions { get; } = [".fasta", ".fa", ".faa", ".fas"];

    /// <summary>
    /// The proteins at <paramref name="path"/> (a directory or a FASTA file, see the class summary), with
    /// partitions from <paramref name="splitPath"/> if given: a tab-separated file with a header row and columns
    /// <c>id</c>, <c>location</c>, <c>partition</c> naming every protein exactly once, with the data's location.
    /// Proteins keep reading order (files in ordinal name order); <see cref="LabelledDataSet.Locations"/> is sorted ordinally.
    /// </summary>
    /// <exception cref="FileNotFoundException"><paramref name="path"/> or <paramref name="splitPath"/> does not exist.</exception>
    /// <exception cref="FastaFormatException">A FASTA file is malformed.</exception>
    /// <exception cref="LabelledDataException">The labels, signals or split are wrong (see the message).</exception>
    public static LabelledDataSet Read(InputSource source, string? splitPath = null)
    {
        var proteins = new ProteinCollector();
        if (source.IsDirectory) ReadDirectory(source.Path!, proteins);
        else ReadLocationHeaders(source, proteins);
        if (splitPath is null) return new LabelledDataSet(proteins.Proteins, source.Name);
        return new LabelledDataSet(SplitTable.Apply(splitPath, proteins, source.Name), $"{source.Name} with split {splitPath}");
    }

    static void ReadDirectory(string directory, ProteinCollector proteins)
    {
        var files = Directory.EnumerateFiles(directory)
            .Select(file => (File: file, Location: LocationOfFile(file)))
            .Where(f => f.Location is not null)
            .OrderBy(f => Path.GetFileName(f.File), StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
            throw new LabelledDataException(directory, null, null,
                $"no FASTA files ({string.Join(", ", FastaExtensions.Select(e => "*" + e))}, optionally gzipped as *.gz) " +
                "in the directory; put one file per location in it, named after the location (e.g. ER.fasta).");
        foreach (var clash in files.GroupBy(f => f.Location, StringComparer.Ordinal).Where(g => g.Count() > 1))
            throw new LabelledDataException(directory, null, null,
                $"{string.Join(" and ", clash.Select(f => Path.GetFileName(f.File)))} both give location '{clash.Key}'; " +
                "keep one file per location.");
        foreach (var (file, location) in files)
            foreach (var record in FastaReader.Read(file))
                proteins.Add(new LabelledProtein(record.Id, record.Sequence, location!, null, Signal(record, file)), file, record.Line);
    }

    static void ReadLocationHeaders(InputSource source, ProteinCollector proteins)
    {
        string path = source.Name;
        if (source.Path != null && !File.Exists(path))
            throw new FileNotFoundException(
                $"Labelled data {path} does not exist; give a directory with one FASTA file per location (e.g. ER.fasta) " +
                "or a FASTA file whose headers read '>ID Location'.", path);
        foreach (var record in FastaReader.Read(source))
        {
            string word = record.Description.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            var (location, membrane) = SplitMembraneSuffix(word);
            if (location.Length == 0)
                throw new LabelledDataException(path, record.Line, record.Id,
                    $"expected the location as the header's second word ('>ID Location', e.g. '>Q9Y4C2 Cell.membrane-M'), " +
                    $"found '{word}'; add the location, or give a directory with one FASTA file per location instead.");
            proteins.Add(new LabelledProtein(record.Id, record.Sequence, location, null, null, membrane), path, record.Line);
        }
    }

    /// <summary>The location a directory file stands for, or null if it is not a FASTA file.</summary>
    static string? LocationOfFile(string file)
    {
        string name = Path.GetFileName(file);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) name = name[..^3];
        string extension = Path.GetExtension(name);
        string location = Path.GetFileNameWithoutExtension(name);
        return location.Length > 0 && FastaExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase) ? location : null;
    }

    /// <summary>"Cell.membrane-M" → ("Cell.membrane", true); -S is soluble (false), -U or no suffix unknown (null).
    /// Only one trailing -M, -S or -U goes.</summary>
    static (string Location, bool? Membrane) SplitMembraneSuffix(string word) =>
        word.Length >= 2 && word[^2] == '-' && word[^1] is 'M' or 'S' or 'U'
            ? (word[..^2], word[^1] switch { 'M' => true, 'S' => false, _ => null })
            : (word, null);

    static SortingSignal? Signal(FastaRecord record, string file)
    {
        SortingSignal? signal;
        try
        {
            signal = SortingSignal.Parse(record.Description);
        }
        catch (FormatException e)
        {
            throw new LabelledDataException(file, record.Line, record.Id, e.Message + " Fix the header or remove the annotation.");
        }
        if (signal is not null && signal.End > record.Sequence.Length)
            throw new LabelledDataException(file, record.Line, record.Id,
                $"the sorting signal '{record.Description}' (residues {signal.Start}..{signal.End}) runs past the end of " +
                $"the {record.Sequence.Length}-residue sequence; fix the header.");
        return signal;
    }
}
