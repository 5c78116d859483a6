using System.ComponentModel;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Settings;

/// <summary>Labelled proteins: a folder of per-location FASTA files or a FASTA with the location after the id.</summary>
public class LabelledDataSettings : NetworkSettings
{
    [CommandArgument(0, "<DATA>")]
    [Description("A folder with one FASTA per location (MultiLoc layout), or a FASTA whose header's second word is the location (DeepLoc layout).")]
    public string Data { get; init; } = "";

    [CommandOption("--split <FILE>")]
    [Description("TSV with columns id, location, partition assigning each protein to a partition.")]
    public string? Split { get; init; }
}
