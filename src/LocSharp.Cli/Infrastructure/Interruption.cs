using System.Runtime.InteropServices;

namespace LocSharp.Cli.Infrastructure;

/// <summary>
/// SIGINT (Ctrl-C) and SIGTERM (kill, a cluster's time limit) stop a verb cleanly: the command's cancellation token
/// fires, the work stops at its next check, temporary files are removed, and the process exits 130 or 143 with
/// "cancelled". A verb that does not stop within <see cref="Grace"/> (blocked reading standard input, say) is
/// ended then, after removing the temporary files.
/// </summary>
public static class Interruption
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    static readonly CancellationTokenSource Source = new();
    static readonly List<PosixSignalRegistration> Registrations = [];

    /// <summary>The signal that arrived ("SIGINT", "SIGTERM"), or null.</summary>
    public static string? Signal { get; private set; }

    /// <summary>128 + the signal's number.</summary>
    public static int ExitCode { get; private set; }

    /// <summary>Whether the "cancelled" line has been printed.</summary>
    internal static bool Reported { get; set; }

    /// <summary>Starts listening for the signals; returns the token that they cancel.</summary>
    public static CancellationToken Listen()
    {
        Registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, "SIGINT", ExitCodes.Cancelled)));
        Registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, "SIGTERM", ExitCodes.Terminated)));
        return Source.Token;
    }

    /// <summary>The process's exit code once the verb has returned <paramref name="code"/>.</summary>
    public static int Finish(int code, TextWriter error)
    {
        if (Signal == null || code == ExitCodes.Success) return code;
        AtomicFile.RemoveTemporaries();
        if (!Reported) Try(() => error.WriteLine($"locsharp: error: cancelled ({Signal})."));
        return ExitCode;
    }

    static void Stop(PosixSignalContext context, string signal, int exitCode)
    {
        context.Cancel = true;
        if (Signal != null) return;
        (Signal, ExitCode) = (signal, exitCode);
        Source.Cancel();
        new Thread(() =>
        {
            Thread.Sleep(Grace);
            AtomicFile.RemoveTemporaries();
            Try(() => Console.Error.WriteLine($"locsharp: error: cancelled ({signal}); stopped after {Grace.TotalSeconds:F0} s."));
            Environment.Exit(exitCode);
        }) { IsBackground = true }.Start();
    }

    static void Try(Action write)
    {
        try { write(); }
        catch (IOException) { }
    }
}
