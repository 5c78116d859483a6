using System.ComponentModel;
using LocSharp.Cli.Infrastructure;
using LocSharp.Cli.Settings;
using LocSharp.Explain;
using LocSharp.Models;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Commands;

/// <summary>
/// `locsharp explain attention`: an A-LSTM's attention at every residue, as a table, a heatmap by true location, a
/// track figure per protein, and the attention mass inside annotated sorting signals (printed on standard output).
/// </summary>
public sealed class ExplainAttentionCommand(CliEnvironment environment) : Command<ExplainAttentionCommand.Settings>
{
    public sealed class Settings : ExplainInputSettings
    {
        [CommandOption("--max-tracks <N>")]
        [Description("Track figures (tracks/ID.svg/.png) for the first N proteins only: a proteome would give thousands. 0 = none. attention.tsv always has every protein.")]
        [DefaultValue(50)]
        public int MaxTracks { get; init; } = 50;

        public override ValidationResult Validate() => MaxTracks < 0
            ? ValidationResult.Error($"--max-tracks cannot be negative ({MaxTracks}).")
            : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        Threads.Configure(settings.Threads, environment, ThreadUse.AcrossBatches);
        using var model = settings.LoadModel();
        var input = settings.ReadInput(environment);
        var options = new AttentionExplanationOptions
        {
            MaxTracks = settings.MaxTracks, BatchSize = settings.BatchSize, ModelName = AttentionExplanation.ExplainedName(model, Path.GetFileName(settings.ModelPath)),
            Profiles = settings.ProfilesFor(model, input, environment, cancellation),
        };
        var result = ExplainReporter.Run(environment, progress =>
            AttentionReport.Write(AttentionExplanation.Compute(model, input, options, progress), settings.Output, options, progress));

        string heatmap = result.Heatmap == null ? "no heatmap (input unlabelled)" : $"{AttentionReport.HeatmapFile}.svg/.png";
        string cap = result.Tracks < result.Proteins ? $" (the first {result.Tracks}; --max-tracks)" : "";
        environment.Error.WriteLine($"wrote {settings.Output}: {AttentionReport.TableFile} ({result.Proteins} proteins, {result.Positions} positions), {heatmap}, {result.Tracks} track figures{cap}");
        if (result.Signals.Count == 0) return ExitCodes.Success;

        ExplainReporter.WriteSignalTable(environment,
            "Attention inside annotated sorting signals (enrichment = attention mass inside / the mass a uniform spread puts there):", result.Signals);
        environment.Error.WriteLine($"signal table in {Path.Combine(settings.Output, AttentionReport.SignalFile)}, per protein in {AttentionReport.SignalProteinsFile}");
        return ExitCodes.Success;
    }
}
