using System.IO.Compression;
using System.Text;

namespace LocSharp.Profiles;

/// <summary>What the profile step made: a profile per input protein, in input order, how it was made, and how much
/// work this run did.</summary>
public sealed class ProfileStepResult(IReadOnlyList<(string Id, Profile Profile)> profiles, ProfileRecipe recipe, int computed, int cached)
{
    public IReadOnlyList<(string Id, Profile Profile)> Profiles { get; } = profiles;

    public ProfileRecipe Recipe { get; } = recipe;

    /// <summary>Distinct sequences this run computed with the tool.</summary>
    public int Computed { get; } = computed;

    /// <summary>Distinct sequences found in the cache.</summary>
    public int Cached { get; } = cached;

    /// <summary>The profiles as a set, for the prediction pipeline.</summary>
    public ProfileSet ToSet(string source)
    {
        var set = new ProfileSet();
        set.AddSource(source);
        foreach (var (id, profile) in Profiles) set.Add(id, profile, source);
        return set;
    }

    /// <summary>Writes the profiles to <paramref name="path"/> in LocSharp's profile TSV (gzip when the name ends in
    /// .gz), and the recipe beside it (<see cref="ProfileRecipeFile.SidecarOf"/>); each file whole or not at all.</summary>
    public void Write(string path)
    {
        AtomicFile.Write(path, stream =>
        {
            using var compressed = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
                ? new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true) : null;
            using var text = new StreamWriter(compressed ?? stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            var writer = new ProfileTsvWriter(text);
            writer.WriteHeader();
            foreach (var (id, profile) in Profiles) writer.Write(id, profile);
        });
        ProfileRecipeFile.Write(Recipe, ProfileRecipeFile.SidecarOf(path));
    }
}
