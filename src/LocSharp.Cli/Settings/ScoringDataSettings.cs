using System.ComponentModel;
using LocSharp.Cli.Infrastructure;
using LocSharp.Data;
using LocSharp.Models;
using LocSharp.Sequences;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Settings;

/// <summary>A model and the labelled proteins it is scored or calibrated on (`evaluate`, `calibrate`).</summary>
public class ScoringDataSettings : LabelledDataSettings
{
    [CommandOption("-m|--model <MODEL>")]
    [Description("Model file.")]
    public string Model { get; init; } = "";

    [CommandOption("--partition <LIST>")]
    [Description("Comma-separated partitions of the split to use (e.g. test). Default: all the data.")]
    public string? Partition { get; init; }

    [CommandOption("--mapping <MAPPING>")]
    [Description("Map the model's locations onto the data's: 'multiloc-to-deeploc', a TSV file (from, to), or pairs 'a=b,c=d'.")]
    public string? Mapping { get; init; }

    [CommandOption("--exclude <PATH>")]
    [Description("Leave out proteins whose id occurs in this FASTA file or folder of FASTA files (e.g. the training data).")]
    public string? Exclude { get; init; }

    [CommandOption("--known-locations-only")]
    [Description("Leave out proteins labelled with a location the model does not predict (e.g. DeepLoc's dual Cytoplasm-Nucleus), saying how many, instead of failing.")]
    public bool KnownLocationsOnly { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Model) ? ValidationResult.Error("Give the model with -m|--model <MODEL>.")
        : KnownLocationsOnly && Mapping != null ? ValidationResult.Error("Give --mapping or --known-locations-only, not both.")
        : base.Validate();

    /// <summary>The data after --partition, --exclude and --known-locations-only (each left-out count said on
    /// standard error), and the --mapping.</summary>
    public (LabelledDataSet Data, LocationMapping? Mapping) ReadData(TrainedModel model, CliEnvironment environment)
    {
        var data = LabelledDataReader.Read(environment.Input(Data), Split);
        if (Partition != null)
            data = data.Select(Partition.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        if (Exclude != null)
        {
            var ids = ReadIds(Exclude);
            var kept = data.Proteins.Where(p => !ids.Contains(p.Id)).ToList();
            environment.Error.WriteLine($"left out {data.Proteins.Count - kept.Count} proteins whose id occurs in {Exclude}");
            data = new LabelledDataSet(kept, $"{data.Source} without {Exclude}", data.Locations);
        }
        var mapping = Mapping == null ? null : LocationMapping.Parse(Mapping);
        if (KnownLocationsOnly) data = KnownLocations.Restrict(data, model.Locations, environment.Error.WriteLine);
        return (data, mapping);
    }

    static HashSet<string> ReadIds(string path)
    {
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path).Where(f => LabelledDataReader.FastaExtensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            : [path];
        return files.SelectMany(FastaReader.Read).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
    }
}
