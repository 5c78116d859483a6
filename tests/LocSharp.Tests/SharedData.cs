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

    // The repository root is the directory holding LocSharp.sln; the shared directory is its sibling.
    static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(System.IO.Path.Combine(dir.FullName, "LocSharp.sln"))) continue;
            if (dir.Parent is null) return null;
            string shared = System.IO.Path.Combine(dir.Parent.FullName, "shared");
            return Directory.Exists(System.IO.Path.Combine(shared, "data")) ? shared : null;
        }
        return null;
    }
}
