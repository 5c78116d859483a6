using LocSharp.Tests.Training;

namespace LocSharp.Tests;

/// <summary>
/// The entry point when this assembly runs as a program (`dotnet LocSharp.Tests.dll MODE ARGS`), for tests that need
/// a process to kill at a point of their choosing. The test runner never calls it.
/// </summary>
static class TestProgram
{
    public static int Main(string[] args) => args switch
    {
        [CheckpointWriteStop.Mode, var write, .. var locsharp] => CheckpointWriteStop.Run(int.Parse(write), locsharp),
        _ => 2,
    };
}
