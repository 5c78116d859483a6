using System.ComponentModel;
using LocSharp.Cli.Infrastructure;
using LocSharp.Cli.Settings;
using LocSharp.Data;
using LocSharp.Evaluation;
using LocSharp.Sequences;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Commands;

/// <summary>`locsharp evaluate`: accuracy, per-location precision, recall and MCC, and the confusion matrix.</summary>
public sealed class EvaluateCommand(CliEnvironment environment) : Command<EvaluateCommand.Settings>
{
    public sealed class Settings : LabelledDataSettings
    {
        [CommandOption("-m|--model <MODEL>")]
        [Description("Model file to evaluate.")]
        public string Model { get; init; } = "";

        [CommandOption("--partition <LIST>")]
        [Description("Comma-separated partitions of the split to evaluate on (e.g. test). Default: all the data.")]
        public string? Partition { get; init; }

        [CommandOption("--mapping <MAPPING>")]
        [Description("Map the model's locations onto the data's: 'multiloc-to-deeploc', a TSV file (from, to), or pairs 'a=b,c=d'.")]
        public string? Mapping { get; init; }

        [CommandOption("--exclude <PATH>")]
        [Description("Leave out proteins whose id occurs in this FASTA file or folder of FASTA files (e.g. the training data).")]
        public string? Exclude { get; init; }

        [CommandOption("--json")]
        [Description("Write the report as JSON instead of text.")]
        public bool Json { get; init; }

        [CommandOption("--known-locations-only")]
        [Description("Leave out proteins labelled with a location the model does not predict (e.g. DeepLoc's dual Cytoplasm-Nucleus), saying how many, instead of failing.")]
        public bool KnownLocationsOnly { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Model) ? ValidationResult.Error("Give the model to evaluate with -m|--model <MODEL>.")
            : KnownLocationsOnly && Mapping != null ? ValidationResult.Error("Give --mapping or --known-locations-only, not both.")
            : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        Threads.Configure(settings.Threads, environment);
        using var model = Models.ModelFile.Load(settings.Model);
        var data = LabelledDataReader.Read(environment.Input(settings.Data), settings.Split);
        if (settings.Partition != null)
            data = data.Select(settings.Partition.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        int excluded = 0;
        if (settings.Exclude != null)
        {
            var ids = ReadIds(settings.Exclude);
            var kept = data.Proteins.Where(p => !ids.Contains(p.Id)).ToList();
            excluded = data.Proteins.Count - kept.Count;
            data = new LabelledDataSet(kept, $"{data.Source} without {settings.Exclude}", data.Locations);
        }
        var mapping = settings.Mapping == null ? null : LocationMapping.Parse(settings.Mapping);
        if (settings.KnownLocationsOnly) data = KnownLocations.Restrict(data, model.Locations, environment.Error.WriteLine);
        var report = ModelEvaluation.Evaluate(model, data, mapping, profiles: settings.ProfilesFor(model, settings.Model, environment,
            data.Proteins.Select(p => new FastaRecord(p.Id, "", p.Sequence, 0)), cancellation));
        environment.Out.Write(settings.Json ? EvaluationJson.Serialize(report) + "\n" : EvaluationText.Render(report));
        if (settings.Exclude != null) environment.Error.WriteLine($"left out {excluded} proteins whose id occurs in {settings.Exclude}");
        return ExitCodes.Success;
    }

    static HashSet<string> ReadIds(string path)
    {
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path).Where(f => LabelledDataReader.FastaExtensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            : [path];
        return files.SelectMany(f => FastaReader.Read(f)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
    }
}
