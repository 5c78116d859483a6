namespace LocSharp.Data;

/// <summary>
/// Labelled proteins and the location names a model over them predicts. <see cref="Locations"/> is sorted
/// ordinally (so for MultiLoc: ER, Golgi, chloroplast, cytoplasmic, extracellular, ...); class index i means
/// Locations[i], models store this list, and subsets made by <see cref="Select"/> keep the full list so indices
/// agree between training and test data.
/// </summary>
public sealed class LabelledDataSet
{
    readonly Dictionary<string, int> _locationIndex;

    /// <param name="proteins">The proteins, in reading order.</param>
    /// <param name="source">Where they came from, for messages (e.g. the data path and split path).</param>
    /// <param name="locations">
    /// The location names, distinct; null to use the sorted (ordinal) distinct locations of <paramref name="proteins"/>.
    /// </param>
    public LabelledDataSet(IEnumerable<LabelledProtein> proteins, string source, IEnumerable<string>? locations = null)
    {
        Proteins = proteins.ToArray();
        Source = source;
        Locations = (locations ?? Proteins.Select(p => p.Location).Distinct().Order(StringComparer.Ordinal)).ToArray();
        _locationIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Locations.Count; i++)
            if (!_locationIndex.TryAdd(Locations[i], i))
                throw new ArgumentException($"Location '{Locations[i]}' is listed twice.", nameof(locations));
        if (Proteins.FirstOrDefault(p => !_locationIndex.ContainsKey(p.Location)) is LabelledProtein stray)
            throw new ArgumentException($"Protein {stray.Id} has location '{stray.Location}', which is not in the list.", nameof(locations));
        Partitions = Proteins.Select(p => p.Partition).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The proteins, in reading order.</summary>
    public IReadOnlyList<LabelledProtein> Proteins { get; }

    /// <summary>Where the proteins came from, for messages.</summary>
    public string Source { get; }

    /// <summary>The location names, sorted ordinally unless given; index i is class i.</summary>
    public IReadOnlyList<string> Locations { get; }

    /// <summary>The partitions of the split, sorted ordinally; empty when no split was given.</summary>
    public IReadOnlyList<string> Partitions { get; }

    /// <summary>The class index of <paramref name="location"/>.</summary>
    /// <exception cref="ArgumentException">The location is not one of <see cref="Locations"/>.</exception>
    public int LocationIndex(string location) =>
        _locationIndex.TryGetValue(location, out int index)
            ? index
            : throw new ArgumentException($"Unknown location '{location}'; known: {string.Join(", ", Locations)}.", nameof(location));

    /// <summary>
    /// The proteins in the given partitions (e.g. "fold1", "fold2"), in reading order, with the same
    /// <see cref="Locations"/> as this set.
    /// </summary>
    /// <exception cref="LabelledDataException">No partition was named, no split was given, or a partition is unknown.</exception>
    public LabelledDataSet Select(params IEnumerable<string> partitions)
    {
        var wanted = partitions.ToHashSet(StringComparer.Ordinal);
        if (Partitions.Count == 0)
            throw new LabelledDataException(Source, null, null,
                "partitions were asked for, but the data has no split; give a split file (columns id, location, partition).");
        if (wanted.Count == 0)
            throw new LabelledDataException(Source, null, null,
                $"no partition was named; name one or more of {string.Join(", ", Partitions)}.");
        if (wanted.FirstOrDefault(p => !Partitions.Contains(p, StringComparer.Ordinal)) is string unknown)
            throw new LabelledDataException(Source, null, null,
                $"unknown partition '{unknown}'; the split has {string.Join(", ", Partitions)}.");
        var selected = Proteins.Where(p => p.Partition is string partition && wanted.Contains(partition));
        return new LabelledDataSet(selected, $"{Source} [{string.Join(", ", wanted.Order(StringComparer.Ordinal))}]", Locations);
    }
}
