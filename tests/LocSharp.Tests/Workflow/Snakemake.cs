using System.Diagnostics;
using Xunit.Abstractions;

namespace LocSharp.Tests.Workflow;

/// <summary>
/// Runs `snakemake` on the repository's <c>workflow/Snakefile</c> in a folder of its own, with LocSharp as this build's
/// <c>locsharp.dll</c>. Without snakemake on the PATH the tests pass with a note (CI installs it, see .ci/run, and
/// fails instead).
/// </summary>
sealed class Snakemake(string directory)
{
    public sealed record Result(int Exit, string Out, string Error)
    {
        public string Both => Out + Error;
    }

    public static string Snakefile => Repository.Path("workflow", "Snakefile");

    /// <summary>The `locsharp` command line the workflow runs: the program beside the tests.</summary>
    public static string LocSharp => $"dotnet {Path.Combine(AppContext.BaseDirectory, "locsharp.dll")}";

    static readonly string? Program = Find("snakemake");

    /// <summary>Whether snakemake is installed; if not, says so in the test output (or fails on CI).</summary>
    public static bool IsAvailable(ITestOutputHelper output)
    {
        if (Program is not null) return true;
        const string note = "snakemake is not on the PATH (Debian: apt-get install snakemake)";
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(note + ", and CI must have it (.ci/run installs it).");
        output.WriteLine($"Skipped: {note}.");
        return false;
    }

    /// <summary>Runs snakemake with the config file <paramref name="config"/> and further arguments.</summary>
    public Result Run(string config, params string[] arguments)
    {
        var start = new ProcessStartInfo(Program!) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (string argument in (string[])["--snakefile", Snakefile, "--directory", directory, "--configfile", config, "--cores", "2", .. arguments])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Result(process.ExitCode, output, error.Result);
    }

    static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
}
