namespace LocSharp.Data;

/// <summary>
/// Maps the locations a model predicts onto another location scheme, to evaluate a model on data labelled
/// in that scheme (e.g. a MultiLoc model on DeepLoc). Several locations may map to one; a location with no
/// entry is an error, never passed through silently.
/// </summary>
public sealed class LocationMapping
{
    /// <summary>The name that selects <see cref="MultiLocToDeepLoc"/> in <see cref="Parse"/>.</summary>
    public const string MultiLocToDeepLocName = "multiloc-to-deeploc";

    readonly Dictionary<string, string> _targets;

    /// <param name="entries">Pairs from → to; each from at most once.</param>
    /// <param name="source">Where the mapping came from, for messages.</param>
    /// <exception cref="LabelledDataException">A location is mapped twice, or a name is empty.</exception>
    public LocationMapping(IEnumerable<KeyValuePair<string, string>> entries, string source)
    {
        Source = source;
        _targets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (from, to) in entries)
        {
            if (from.Length == 0 || to.Length == 0)
                throw new LabelledDataException(source, null, null, $"empty location name in '{from}={to}'; write 'from=to' with both names.");
            if (!_targets.TryAdd(from, to))
                throw new LabelledDataException(source, null, null,
                    $"location '{from}' is mapped twice (to '{_targets[from]}' and to '{to}'); keep one entry.");
        }
    }

    /// <summary>
    /// MultiLoc's 11 locations onto DeepLoc's 10: lysosomal and vacuolar → Lysosome/Vacuole, chloroplast →
    /// Plastid, plasma_membrane → Cell.membrane, and the rest onto their DeepLoc names. Nothing maps to DeepLoc's
    /// Cytoplasm-Nucleus, so a MultiLoc model can never be right on those proteins.
    /// </summary>
    public static LocationMapping MultiLocToDeepLoc { get; } = new(new Dictionary<string, string>
    {
        ["cytoplasmic"] = "Cytoplasm",
        ["nuclear"] = "Nucleus",
        ["extracellular"] = "Extracellular",
        ["mitochondrial"] = "Mitochondrion",
        ["plasma_membrane"] = "Cell.membrane",
        ["ER"] = "Endoplasmic.reticulum",
        ["chloroplast"] = "Plastid",
        ["Golgi"] = "Golgi.apparatus",
        ["lysosomal"] = "Lysosome/Vacuole",
        ["vacuolar"] = "Lysosome/Vacuole",
        ["peroxisomal"] = "Peroxisome",
    }, $"the built-in mapping {MultiLocToDeepLocName}");

    /// <summary>Where the mapping came from, for messages.</summary>
    public string Source { get; }

    /// <summary>The entries, from → to.</summary>
    public IReadOnlyDictionary<string, string> Entries => _targets;

    /// <summary>The distinct target locations, sorted ordinally.</summary>
    public IReadOnlyList<string> Targets => _targets.Values.Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>The location <paramref name="location"/> maps to.</summary>
    /// <exception cref="LabelledDataException">The mapping has no entry for it; the message names it.</exception>
    public string Map(string location) =>
        _targets.TryGetValue(location, out string? target)
            ? target
            : throw new LabelledDataException(Source, null, null,
                $"location '{location}' has no entry in the mapping (it maps {string.Join(", ", _targets.Keys.Order(StringComparer.Ordinal))}); " +
                $"add an entry '{location}=<target location>'.");

    /// <summary>Checks that every one of <paramref name="locations"/> has an entry, naming the first that has none.</summary>
    /// <exception cref="LabelledDataException">A location has no entry.</exception>
    public void CheckCovers(IEnumerable<string> locations)
    {
        foreach (string location in locations) Map(location);
    }

    /// <summary>
    /// A mapping from a command-line spec: <see cref="MultiLocToDeepLocName"/>; the path of a TSV file (see
    /// <see cref="ReadTsv"/>); or inline pairs <c>from=to,from=to</c> (see <see cref="ParsePairs"/>).
    /// </summary>
    /// <exception cref="LabelledDataException">The spec is none of these, or is malformed.</exception>
    public static LocationMapping Parse(string spec)
    {
        if (spec.Equals(MultiLocToDeepLocName, StringComparison.OrdinalIgnoreCase)) return MultiLocToDeepLoc;
        if (File.Exists(spec)) return ReadTsv(spec);
        if (spec.Contains('=')) return ParsePairs(spec);
        throw new LabelledDataException($"location mapping '{spec}'", null, null,
            $"expected '{MultiLocToDeepLocName}', the path of a TSV file of from/to rows, or pairs 'from=to,from=to'; " +
            "found no such file and no '='.");
    }

    /// <summary>Inline pairs: <c>from=to</c> separated by commas; spaces around names are ignored.</summary>
    /// <exception cref="LabelledDataException">An entry has no '=' or an empty name, or a location is mapped twice.</exception>
    public static LocationMapping ParsePairs(string pairs)
    {
        string source = $"location mapping '{pairs}'";
        var entries = new List<KeyValuePair<string, string>>();
        foreach (string entry in pairs.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = entry.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
                throw new LabelledDataException(source, null, null, $"expected 'from=to', found '{entry}'; separate entries with ','.");
            entries.Add(new(parts[0], parts[1]));
        }
        if (entries.Count == 0)
            throw new LabelledDataException(source, null, null, "the mapping has no entries; write 'from=to,from=to'.");
        return new LocationMapping(entries, source);
    }

    /// <summary>
    /// A TSV file with two columns, from and to, one entry per line. Blank lines and lines starting with '#' are
    /// skipped, and so is a first row reading <c>from&lt;TAB&gt;to</c>.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="LabelledDataException">A line is not two non-empty names, or a location is mapped twice.</exception>
    public static LocationMapping ReadTsv(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Location mapping file {path} does not exist; check the path.", path);
        var entries = new List<KeyValuePair<string, string>>();
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        int number = 0;
        foreach (string line in File.ReadLines(path))
        {
            number++;
            string text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            string[] fields = text.Split('\t', StringSplitOptions.TrimEntries);
            if (entries.Count == 0 && fields is ["from", "to"]) continue;
            if (fields.Length != 2 || fields[0].Length == 0 || fields[1].Length == 0)
                throw new LabelledDataException(path, number, null,
                    $"expected two tab-separated location names (from, to), found '{line.Replace("\t", "<TAB>")}'; fix the line.");
            if (lineOf.TryGetValue(fields[0], out int first))
                throw new LabelledDataException(path, number, null,
                    $"location '{fields[0]}' is already mapped at line {first}; keep one entry.");
            lineOf.Add(fields[0], number);
            entries.Add(new(fields[0], fields[1]));
        }
        if (entries.Count == 0)
            throw new LabelledDataException(path, null, null, "the mapping file has no entries; write one 'from<TAB>to' line per location.");
        return new LocationMapping(entries, path);
    }
}
