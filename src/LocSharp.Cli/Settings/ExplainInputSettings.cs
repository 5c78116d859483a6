using System.ComponentModel;
using LocSharp.Explain;
using LocSharp.Models;
using LocSharp.Profiles;
using LocSharp.Sequences;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Settings;

/// <summary>
/// A model and the proteins `explain attention` and `explain embedding` run it on. INPUT is read as labelled data
/// when it is a folder or when --labelled, --split or --partition is given, otherwise as a plain FASTA.
/// </summary>
public class ExplainInputSettings : ModelSettings
{
    [CommandArgument(0, "<INPUT>")]
    [Description("Proteins: a FASTA file ('-' = standard input), or labelled data. INPUT is read as labelled data when it is a folder (one FASTA per location, MultiLoc layout, whose headers may annotate sorting signals) or when --labelled, --split or --partition is given (then a FASTA whose header's second word is the location, DeepLoc layout, is also accepted); otherwise as a plain FASTA whose proteins have no known location.")]
    public string Input { get; init; } = "";

    [CommandOption("-o|--output <DIR>")]
    [Description("Folder for the tables and figures (created if needed; files in it are replaced).")]
    public string Output { get; init; } = "";

    [CommandOption("--labelled")]
    [Description("Read a FASTA INPUT as labelled data: '>ID Location' headers (DeepLoc layout).")]
    public bool Labelled { get; init; }

    [CommandOption("--split <FILE>")]
    [Description("TSV with columns id, location, partition for labelled INPUT; implies --labelled.")]
    public string? Split { get; init; }

    [CommandOption("--partition <NAME>")]
    [Description("Only the proteins of this partition of the split (e.g. test). Needs --split.")]
    public string? Partition { get; init; }

    [CommandOption("--max-proteins <N>")]
    [Description("Only the first N proteins (after --partition), in input order. Default: all.")]
    public int? MaxProteins { get; init; }

    [CommandOption("--batch-size <N>")]
    [Description("Proteins per network batch.")]
    [DefaultValue(64)]
    public int BatchSize { get; init; } = 64;

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Output)) return ValidationResult.Error("Give the output folder with -o|--output <DIR>.");
        if (Partition != null && Split == null) return ValidationResult.Error("--partition needs a split: give --split FILE.");
        if (MaxProteins is < 1) return ValidationResult.Error($"--max-proteins must be at least 1, not {MaxProteins}.");
        if (BatchSize < 1) return ValidationResult.Error($"--batch-size must be at least 1, not {BatchSize}.");
        Infrastructure.OutputGuard.IsFolderPath(Output, "-o|--output");
        return base.Validate();
    }

    public ExplainInput ReadInput(Infrastructure.CliEnvironment environment) =>
        ExplainInput.Read(environment.Input(Input), Labelled, Split, Partition, MaxProteins);

    /// <summary>The --profiles (or, with --db, the profiles computed) of <paramref name="input"/>'s proteins, for a
    /// profile model; null for a model without profiles.</summary>
    public ProfileSet? ProfilesFor(TrainedModel model, ExplainInput input, Infrastructure.CliEnvironment environment, CancellationToken cancellation) =>
        ProfilesFor(model, ModelPath, environment, input.Proteins.Select((p, i) => new FastaRecord(p.Id, "", p.Sequence, i + 1)), cancellation);
}
