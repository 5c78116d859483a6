using System.ComponentModel;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Settings;

/// <summary>Options every verb that runs a network shares.</summary>
public class ThreadSettings : CommandSettings
{
    [CommandOption("--threads <N>")]
    [Description("CPU threads for the network (0 = one per core).")]
    [DefaultValue(0)]
    public int Threads { get; init; }
}
