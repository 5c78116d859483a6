using System.Diagnostics;
using System.Text.RegularExpressions;

namespace LocSharp.Bench;

/// <summary>Runs the real `locsharp predict` in a new process, as a user would.</summary>
public sealed partial class CliProcess(string modelPath, int threads)
{
    internal static readonly string Program = Path.Combine(AppContext.BaseDirectory, "locsharp.dll");

    /// <summary>Wall time of the whole process and the peak memory it reports with --stats.</summary>
    public (double Seconds, long PeakMiB) Predict(params string[] inputs)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(Program);
        foreach (string arg in new[] { "predict", "-", "-m", modelPath, "--stats", "--threads", threads.ToString(), "-o", "/dev/null" })
            start.ArgumentList.Add(arg);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        foreach (string input in inputs)
            using (var file = File.OpenRead(input)) file.CopyTo(process.StandardInput.BaseStream);
        process.StandardInput.Close();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        double seconds = clock.Elapsed.TotalSeconds;
        string stderr = error.Result;
        if (process.ExitCode != 0) throw new InvalidOperationException($"locsharp predict failed ({process.ExitCode}): {stderr}");
        var peak = PeakMemory().Match(stderr);
        return (seconds, peak.Success ? long.Parse(peak.Groups[1].Value) : -1);
    }

    [GeneratedRegex(@"peak memory (\d+) MiB")]
    private static partial Regex PeakMemory();
}
