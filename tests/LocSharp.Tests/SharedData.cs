using Xunit.Abstractions;

namespace LocSharp.Tests;

/// <summary>
/// The shared data directory (<c>../shared</c> next to the repository root; see its README). Tests that need it
/// call <see cref="IsAvailable"/> first: without the data they pass with a note in the test output (xunit 2
/// has no dynamic skip), except on CI (<c>CI=true</c>), where missing data is a failure.
/// </summary>
public static class SharedData
{
    /// <summary>The shared directory (holding <c>data/</c>), or null when it is absent.</summary>
    public static string? Root { get; } = FindRoot();

    /// <summary>A path under <see cref="Root"/>; only call it after <see cref="IsAvailable"/> returned true.</summary>
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Root ?? throw new InvalidOperationException("../shared is absent."), .. parts]);

    /// <summary>Whether the shared data is here; if not, says so in the test output (or fails on CI).</summary>
    public static bool IsAvailable(ITestOutputHelper output)
    {
        if (Root is not null) return true;
        string note = $"../shared/data was not found above {AppContext.BaseDirectory}";
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(note + ", and CI must have it.");
        output.WriteLine($"Skipped: {note}.");
        return false;
    }

    /// <summary>MultiLoc's 11 locations, in the order its data sets and models list them.</summary>
    public static readonly string[] MultiLocLocations = ["ER", "Golgi", "chloroplast", "cytoplasmic", "extracellular", "lysosomal", "mitochondrial", "nuclear", "peroxisomal", "plasma_membrane", "vacuolar"];

    /// <summary>DeepLoc's 10 locations, in the order DeepLoc-scheme models list them.</summary>
    public static readonly string[] DeepLocLocations = ["Cell.membrane", "Cytoplasm", "Endoplasmic.reticulum", "Extracellular", "Golgi.apparatus", "Lysosome/Vacuole", "Mitochondrion", "Nucleus", "Peroxisome", "Plastid"];

    // The shared directory is the repository root's sibling.
    static string? FindRoot()
    {
        string? parent = System.IO.Path.GetDirectoryName(Repository.Root);
        if (parent is null) return null;
        string shared = System.IO.Path.Combine(parent, "shared");
        return Directory.Exists(System.IO.Path.Combine(shared, "data")) ? shared : null;
    }
}
