using LocSharp.Tests.Cli;

namespace LocSharp.Tests.Hardening;

/// <summary>
/// The CLI as a child process that file permissions apply to. Root reads and writes any file whatever its mode, so
/// under root the child runs as uid and gid 65534 (nobody) through `setpriv`; any other user is already stopped by
/// a mode of 000 and runs the child as itself.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
static class UnprivilegedCli
{
    public const int Nobody = 65534;

    static readonly string? Setpriv = new[] { "/usr/bin/setpriv", "/bin/setpriv", "/usr/sbin/setpriv", "/sbin/setpriv" }.FirstOrDefault(File.Exists);

    static string[] Launcher => Posix.IsRoot ? [Setpriv!, $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups"] : [];

    static string User => Posix.IsRoot ? $"uid {Nobody}" : Environment.UserName;

    // Asked once per test run: each child start costs about a second.
    static readonly Lazy<string?> BinaryObstacle = new(() =>
    {
        var probe = Run(Path.GetTempPath(), "--version");
        return probe.Exit == 0 ? null
            : $"{User} cannot run the CLI from the test binaries ({Posix.DotnetHost()} {AppContext.BaseDirectory}): " +
              $"`locsharp --version` exited {probe.Exit}: {probe.Error.Trim()}";
    });

    /// <summary>Why this environment cannot test permissions with <paramref name="folder"/>, or null when it can.</summary>
    public static string? Obstacle(string folder)
    {
        if (!OperatingSystem.IsLinux()) return "file modes and setpriv are tested on Linux only";
        if (Posix.IsRoot && Setpriv == null) return "running as root, where no file mode stops a read, and setpriv (util-linux) is not installed to drop to another user";
        if (Posix.IsRoot)
        {
            // uid 65534 in no group reaches the test's folder only through folders open to others.
            for (var dir = new DirectoryInfo(folder).Parent; dir != null; dir = dir.Parent)
                if ((dir.UnixFileMode & UnixFileMode.OtherExecute) == 0)
                    return $"uid {Nobody} cannot reach the temporary folder: {dir.FullName} is not open to others (mode {dir.UnixFileMode})";
        }
        else
        {
            string probe = Path.Combine(folder, "mode-probe");
            File.WriteAllText(probe, "x");
            File.SetUnixFileMode(probe, UnixFileMode.None);
            bool readable = CanRead(probe);
            File.Delete(probe);
            if (readable) return $"{User} reads a file of mode 000 (a capability such as CAP_DAC_OVERRIDE), so no mode stops it";
        }
        return BinaryObstacle.Value;
    }

    static bool CanRead(string path)
    {
        try { File.ReadAllBytes(path); return true; }
        catch (UnauthorizedAccessException) { return false; }
    }

    /// <summary>Runs `locsharp ARGS` as the unprivileged user with HOME at <paramref name="home"/>.</summary>
    public static CliRunner.Result Run(string home, params string[] args)
    {
        var start = Posix.CliStartInfo(args, Launcher);
        start.Environment["HOME"] = home;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"locsharp {string.Join(' ', args)} did not end within 2 minutes");
        }
        return new CliRunner.Result(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Makes <paramref name="path"/> a folder every user may enter, read and write (for the child's HOME).</summary>
    public static string OpenFolder(string path)
    {
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, (UnixFileMode)0x1FF); // 0777
        return path;
    }

    /// <summary>The mode 0755 (rwxr-xr-x) the temporary folder gets so that the child may enter it.</summary>
    public const UnixFileMode Traversable = (UnixFileMode)0x1ED;

    /// <summary>The mode 0555 (r-xr-xr-x) of a folder nobody may write into.</summary>
    public const UnixFileMode ReadOnlyFolder = (UnixFileMode)0x16D;
}
