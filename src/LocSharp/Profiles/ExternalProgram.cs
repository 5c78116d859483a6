using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace LocSharp.Profiles;

/// <summary>
/// Runs one of the profile tools' programs and waits for it. A program that cannot be started is reported as not
/// installed (naming the Debian package); a non-zero exit as a failure showing the end of its standard error (or
/// output, where MMseqs2 writes its errors); cancellation kills the program and its children.
/// </summary>
public sealed class ExternalProgram(ProfileTool tool, string? directory = null)
{
    const int ShownLines = 25;

    /// <summary>The program's standard output; throws when it fails.</summary>
    /// <exception cref="ProfileToolException">Not installed, or failed.</exception>
    /// <exception cref="OperationCanceledException">Cancelled (the program is killed).</exception>
    public string Run(string program, IEnumerable<string> arguments, CancellationToken cancellation = default, string? workingDirectory = null)
    {
        string path = directory == null ? program : Path.Combine(directory, program);
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        if (workingDirectory != null) start.WorkingDirectory = workingDirectory;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            throw new ProfileToolException($"{program} is not installed{(directory == null ? " (not found on the PATH)" : $" in {directory}")}; " +
                $"--tool {tool.Name()} needs Debian's {tool.DebianPackage()} package: sudo apt-get install {tool.DebianPackage()}.");
        }
        using (process)
        {
            var output = new StringBuilder();
            var error = new StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (error) error.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using (cancellation.Register(() => { try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } }))
                process.WaitForExit();
            cancellation.ThrowIfCancellationRequested();
            if (process.ExitCode != 0)
            {
                string shown = Tail(error.Length > 0 ? error.ToString() : output.ToString());
                throw new ProfileToolException($"{program} {string.Join(' ', start.ArgumentList)} failed (exit code {process.ExitCode}):\n{shown}");
            }
            return output.ToString();
        }
    }

    static string Tail(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - ShownLines)));
    }
}
