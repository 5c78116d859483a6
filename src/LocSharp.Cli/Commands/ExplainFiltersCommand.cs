using System.ComponentModel;
using LocSharp.Cli.Infrastructure;
using LocSharp.Explain;
using LocSharp.Models;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Commands;

/// <summary>`locsharp explain filters`: every first-layer convolution filter as a sequence logo and a MEME motif.</summary>
public sealed class ExplainFiltersCommand(CliEnvironment environment) : Command<ExplainFiltersCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-m|--model <MODEL>")]
        [Description("Model file (.lsm); every network of an ensemble is drawn.")]
        public string Model { get; init; } = "";

        [CommandOption("-o|--output <DIR>")]
        [Description("Folder for filters-wWIDTH.svg/.png (one logo grid per width) and filters.meme (created if needed).")]
        public string Output { get; init; } = "";

        [CommandOption("--weights <KIND>")]
        [Description("effective: what each residue adds through its whole encoding (one-hot + BLOSUM80 + HSDM), centred per position; one-hot: the raw one-hot weights.")]
        [DefaultValue("effective")]
        public string Weights { get; init; } = "effective";

        [CommandOption("--each")]
        [Description("Also draw each filter's logo on its own, in logos/NAME.svg/.png.")]
        public bool Each { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Model)) return ValidationResult.Error("Give the model with -m|--model <MODEL>.");
            if (string.IsNullOrWhiteSpace(Output)) return ValidationResult.Error("Give the output folder with -o|--output <DIR>.");
            Infrastructure.OutputGuard.IsFolderPath(Output, "-o|--output");
            if (Weights is not ("effective" or "one-hot")) return ValidationResult.Error($"--weights must be effective or one-hot, not '{Weights}'.");
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        TorchRuntime.Configure(1);
        using var model = ModelFile.Load(settings.Model);
        var options = new FilterExplanationOptions
        {
            Kind = settings.Weights == "one-hot" ? FilterWeightKind.OneHot : FilterWeightKind.Effective,
            EachLogo = settings.Each,
            ModelName = Path.GetFileName(settings.Model),
        };
        var result = ExplainReporter.Run(environment, progress =>
            FilterReport.Write(FilterExplanation.Compute(model, options), settings.Output, options, progress));
        environment.Error.WriteLine(
            $"wrote {settings.Output}: {result.Grids.Count} logo grids ({string.Join(", ", result.Grids.Select(g => Path.GetFileNameWithoutExtension(g.SvgPath)))}), {FilterReport.MemeFile} ({result.Filters} motifs){(settings.Each ? $", {result.Filters} logos in {FilterReport.LogosFolder}/" : "")}");
        return ExitCodes.Success;
    }
}
