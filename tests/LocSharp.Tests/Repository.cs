namespace LocSharp.Tests;

/// <summary>Files of this repository (the directory holding LocSharp.sln), for tests of what ships in it.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "LocSharp.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No LocSharp.sln above {AppContext.BaseDirectory}.");
    }
}
