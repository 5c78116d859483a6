using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace LocSharp.Tests.Hardening;

/// <summary>The few POSIX calls the hardening tests need: special files, hard links, signals, and the CLI as a child process.</summary>
static class Posix
{
    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    static extern int MkFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

    [DllImport("libc", EntryPoint = "mknod", SetLastError = true)]
    static extern int MkNod([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode, ulong device);

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string created);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int Kill(int pid, int signal);

    [DllImport("libc", EntryPoint = "signal", SetLastError = true)]
    static extern IntPtr SetSignalHandler(int signal, IntPtr handler);

    [DllImport("libc", EntryPoint = "geteuid")]
    static extern uint GetEffectiveUserId();

    public const int SIGINT = 2, SIGTERM = 15;

    /// <summary>Whether this process runs as root, whom file permissions do not stop.</summary>
    public static bool IsRoot => GetEffectiveUserId() == 0;

    /// <summary>
    /// A shell without job control starts background commands with SIGINT ignored, and children inherit that (a
    /// CI run launched as `bash .ci/run &amp;`): the CLI, rightly, then never sees Ctrl-C. Restores SIGINT's default
    /// in this process, so the children it starts can be interrupted as from a terminal.
    /// </summary>
    public static void RestoreDefaultInterrupt()
    {
        string? ignored = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:"))?.Split(':')[1].Trim();
        if (ignored != null && (Convert.ToUInt64(ignored, 16) & (1UL << (SIGINT - 1))) != 0) SetSignalHandler(SIGINT, IntPtr.Zero);
    }

    public static void MakeFifo(string path) => Check(MkFifo(path, 0x1B6), "mkfifo", path);

    /// <summary>A character device like /dev/null (1, 3) at <paramref name="path"/>; false when not allowed (not root).</summary>
    public static bool TryMakeNullDevice(string path) => MkNod(path, 0x2000 | 0x1B6, (1u << 8) | 3u) == 0;

    public static void HardLink(string existing, string created) => Check(Link(existing, created), "link", created);

    public static void Signal(int pid, int signal) => Check(Kill(pid, signal), "kill", pid.ToString());

    static void Check(int result, string call, string what)
    {
        if (result != 0) throw new IOException($"{call} {what} failed: errno {Marshal.GetLastPInvokeError()}");
    }

    public static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") return Environment.ProcessPath!;
        return "dotnet";
    }

    /// <summary>`dotnet locsharp.dll ARGS` from the test binaries with redirected streams, preceded by
    /// <paramref name="launcher"/> (a program and its arguments, such as setpriv's) when given.</summary>
    public static ProcessStartInfo CliStartInfo(IReadOnlyList<string> args, params string[] launcher)
    {
        string[] command = [.. launcher, DotnetHost(), Path.Combine(AppContext.BaseDirectory, "locsharp.dll"), .. args];
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        foreach (string argument in command.Skip(1)) start.ArgumentList.Add(argument);
        return start;
    }

    /// <summary>Starts `locsharp ARGS` as a child process with redirected streams; stderr is gathered into <paramref name="error"/>.</summary>
    public static Process StartCli(StringBuilder error, params string[] args)
    {
        var process = Process.Start(CliStartInfo(args))!;
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (error) error.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        return process;
    }
}
