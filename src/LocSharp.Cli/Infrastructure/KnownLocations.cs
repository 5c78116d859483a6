using LocSharp.Data;

namespace LocSharp.Cli.Infrastructure;

/// <summary>Labelled proteins restricted to the locations a model knows (DeepLoc's dev set labels 23 proteins
/// Cytoplasm-Nucleus, which its training set never does): validation and evaluation leave the others out and say so.</summary>
public static class KnownLocations
{
    /// <summary>The proteins of <paramref name="data"/> whose location is one of <paramref name="locations"/>, with
    /// that location list; tells <paramref name="log"/> how many were left out.</summary>
    public static LabelledDataSet Restrict(LabelledDataSet data, IReadOnlyList<string> locations, Action<string> log)
    {
        var known = locations.ToHashSet(StringComparer.Ordinal);
        var kept = data.Proteins.Where(p => known.Contains(p.Location)).ToList();
        var left = data.Proteins.Where(p => !known.Contains(p.Location)).GroupBy(p => p.Location).ToList();
        foreach (var group in left)
            log($"leaving out {group.Count()} proteins of {data.Source} labelled '{group.Key}', a location the model does not predict");
        if (kept.Count == 0)
            throw new LabelledDataException(data.Source, null, null, "no protein has a location the model predicts.");
        return new LabelledDataSet(kept, data.Source, locations);
    }
}
