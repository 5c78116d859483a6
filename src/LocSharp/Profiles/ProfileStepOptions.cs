namespace LocSharp.Profiles;

/// <summary>How the profile step runs.</summary>
public sealed record ProfileStepOptions
{
    public ProfileTool Tool { get; init; } = ProfileTool.Mmseqs;

    /// <summary>Threads the tool uses (0 = one per core).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Where built databases and computed profiles are kept (<see cref="DefaultCacheDirectory"/> by default).</summary>
    public string CacheDirectory { get; init; } = DefaultCacheDirectory();

    /// <summary>The database's name in the recipe; default its file name.</summary>
    public string? DatabaseName { get; init; }

    /// <summary>Proteins per run of the tool (default: 100 for MMseqs2, 1 for PSI-BLAST): what a killed run loses.</summary>
    public int? ChunkSize { get; init; }

    /// <summary>Compute every profile afresh, ignoring (and replacing) cached ones; for measurements.</summary>
    public bool Recompute { get; init; }

    /// <summary>The folder holding the tools' programs; default: found on the PATH.</summary>
    public string? ToolDirectory { get; init; }

    /// <summary><c>$XDG_CACHE_HOME/locsharp</c>, or <c>~/.cache/locsharp</c> when XDG_CACHE_HOME is not set.</summary>
    public static string DefaultCacheDirectory()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string root = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
            : xdg;
        return Path.Combine(root, "locsharp");
    }
}
