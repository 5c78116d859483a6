namespace LocSharp.Evaluation;

/// <summary>
/// Counts of (true location, predicted location) pairs: rows are true locations, columns predicted ones, both in the
/// model's location order (as in Table 2 of Sønderby et al. 2015).
/// </summary>
public sealed class ConfusionMatrix
{
    readonly long[,] counts;

    /// <summary>Counts one protein for each (true index, predicted index) pair.</summary>
    public ConfusionMatrix(IReadOnlyList<string> locations, IEnumerable<(int True, int Predicted)> pairs)
        : this(locations, Tally(CheckLocations(locations), pairs))
    {
    }

    ConfusionMatrix(IReadOnlyList<string> locations, long[,] counts)
    {
        Locations = [.. locations];
        this.counts = counts;
        for (int t = 0; t < Size; t++)
        for (int p = 0; p < Size; p++)
        {
            Total += counts[t, p];
            if (t == p) Correct += counts[t, p];
        }
    }

    /// <summary>A matrix from counts already tallied: <c>counts[true, predicted]</c>.</summary>
    public static ConfusionMatrix FromCounts(IReadOnlyList<string> locations, long[,] counts)
    {
        int k = CheckLocations(locations);
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.GetLength(0) != k || counts.GetLength(1) != k)
            throw new ArgumentException(
                $"Expected a {k}×{k} count matrix for {k} locations; found {counts.GetLength(0)}×{counts.GetLength(1)}.",
                nameof(counts));
        foreach (long c in counts)
            if (c < 0) throw new ArgumentException($"Counts must not be negative; found {c}.", nameof(counts));
        return new ConfusionMatrix(locations, (long[,])counts.Clone());
    }

    /// <summary>Location names, in the order of rows and columns.</summary>
    public IReadOnlyList<string> Locations { get; }

    /// <summary>Number of locations (rows = columns).</summary>
    public int Size => Locations.Count;

    /// <summary>Proteins whose true location is <paramref name="trueIndex"/> and predicted <paramref name="predictedIndex"/>.</summary>
    public long this[int trueIndex, int predictedIndex] => counts[trueIndex, predictedIndex];

    /// <summary>All proteins counted.</summary>
    public long Total { get; }

    /// <summary>Proteins on the diagonal.</summary>
    public long Correct { get; }

    /// <summary>Proteins truly in <paramref name="location"/>: the row sum.</summary>
    public long TrueCount(int location)
    {
        long sum = 0;
        for (int p = 0; p < Size; p++) sum += counts[location, p];
        return sum;
    }

    /// <summary>Proteins predicted in <paramref name="location"/>: the column sum.</summary>
    public long PredictedCount(int location)
    {
        long sum = 0;
        for (int t = 0; t < Size; t++) sum += counts[t, location];
        return sum;
    }

    /// <summary>A copy of the counts, <c>[true, predicted]</c>.</summary>
    public long[,] ToArray() => (long[,])counts.Clone();

    static long[,] Tally(int k, IEnumerable<(int True, int Predicted)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var counts = new long[k, k];
        int number = 0;
        foreach (var (t, p) in pairs)
        {
            if ((uint)t >= (uint)k || (uint)p >= (uint)k)
                throw new ArgumentOutOfRangeException(nameof(pairs),
                    $"Pair {number} is (true {t}, predicted {p}), but location indices run from 0 to {k - 1}.");
            counts[t, p]++;
            number++;
        }
        return counts;
    }

    static int CheckLocations(IReadOnlyList<string> locations)
    {
        ArgumentNullException.ThrowIfNull(locations);
        if (locations.Count < 2)
            throw new ArgumentException($"A confusion matrix needs at least 2 locations; found {locations.Count}.", nameof(locations));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in locations)
        {
            if (string.IsNullOrWhiteSpace(name))
                throw new ArgumentException("Location names must not be empty.", nameof(locations));
            if (!seen.Add(name))
                throw new ArgumentException($"Location '{name}' appears twice; names must be distinct.", nameof(locations));
        }
        return locations.Count;
    }
}
