using LocSharp.Cli.Infrastructure;
using LocSharp.Training;
using Spectre.Console;

namespace LocSharp.Tests.Training;

/// <summary>
/// A child process for <see cref="ResumeAfterKillTests"/>: runs `locsharp` with the given arguments and, in the middle
/// of its <c>write</c>-th checkpoint write (the temporary file holds part of the zip, the rename has not happened),
/// prints <see cref="Stopped"/> and waits forever, for the test to kill it.
/// </summary>
static class CheckpointWriteStop
{
    public const string Mode = "stop-in-checkpoint-write";
    public const string Stopped = "stopped inside the checkpoint write";

    public static int Run(int write, string[] locsharp)
    {
        int writes = 0;
        Checkpoint.MidWrite = stream =>
        {
            if (++writes < write) return;
            stream.Flush();   // what is written so far goes into the temporary file
            Console.Out.WriteLine(Stopped);
            Console.Out.Flush();
            Thread.Sleep(Timeout.Infinite);
        };
        return CommandApplication.Run(locsharp, CliEnvironment.FromProcess(), AnsiConsole.Console);
    }
}
