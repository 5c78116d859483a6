using System.ComponentModel;
using LocSharp.Cli.Infrastructure;
using LocSharp.Cli.Settings;
using LocSharp.Explain;
using LocSharp.Models;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Commands;

/// <summary>
/// `locsharp explain residues`: which residues moved any model (R-LSTM, A-LSTM, ensemble, with or without profiles)
/// toward its call, by integrated gradients: a table, a track per protein, and the share inside annotated signals.
/// </summary>
public sealed class ExplainResiduesCommand(CliEnvironment environment) : Command<ExplainResiduesCommand.Settings>
{
    public sealed class Settings : ExplainInputSettings
    {
        [CommandOption("--class <LOCATION>")]
        [Description("Explain this location for every protein. Default: each protein's predicted location.")]
        public string? Location { get; init; }

        [CommandOption("--steps <N>")]
        [Description("Points on the straight path from the baseline (the same length of X, the unknown residue) to the protein (integrated gradients, midpoint rule).")]
        [DefaultValue(ResidueAttribution.DefaultSteps)]
        public int Steps { get; init; } = ResidueAttribution.DefaultSteps;

        [CommandOption("--tolerance <GAP>")]
        [Description("A protein whose attributions miss the probability's change by more than GAP (the completeness gap) is integrated again with twice the steps, up to --max-steps. 0 = always up to --max-steps.")]
        [DefaultValue(ResidueAttribution.DefaultTolerance)]
        public double Tolerance { get; init; } = ResidueAttribution.DefaultTolerance;

        [CommandOption("--max-steps <N>")]
        [Description("The most steps the refinement doubles to (--tolerance); give --steps' value to never refine.")]
        [DefaultValue(ResidueAttribution.DefaultMaxSteps)]
        public int MaxSteps { get; init; } = ResidueAttribution.DefaultMaxSteps;

        [CommandOption("--max-tracks <N>")]
        [Description("Track figures (residue-tracks/ID.svg/.png) for the first N proteins only. 0 = none. residues.tsv always has every protein.")]
        [DefaultValue(50)]
        public int MaxTracks { get; init; } = 50;

        public override ValidationResult Validate() =>
            MaxTracks < 0 ? ValidationResult.Error($"--max-tracks cannot be negative ({MaxTracks}).")
            : Steps < 1 ? ValidationResult.Error($"--steps must be at least 1, not {Steps}.")
            : !(Tolerance >= 0) || double.IsInfinity(Tolerance) ? ValidationResult.Error($"--tolerance must be a finite number of at least 0, not {Tolerance}.")
            : MaxSteps < Steps ? ValidationResult.Error($"--max-steps ({MaxSteps}) cannot be below --steps ({Steps}).")
            : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        Threads.Configure(settings.Threads, environment);
        using var model = settings.LoadModel();
        var input = settings.ReadInput(environment);
        var options = new ResidueExplanationOptions
        {
            MaxTracks = settings.MaxTracks, Steps = settings.Steps, Tolerance = settings.Tolerance, MaxSteps = settings.MaxSteps, Location = settings.Location, ModelName = Path.GetFileName(settings.ModelPath),
            Profiles = settings.ProfilesFor(model, input, environment, cancellation),
        };
        var result = ExplainReporter.Run(environment, progress =>
            ResidueReport.Write(ResidueExplanation.Compute(model, input, options, progress), settings.Output, options));

        string cap = result.Tracks < result.Proteins ? $" (the first {result.Tracks}; --max-tracks)" : "";
        environment.Error.WriteLine($"wrote {settings.Output}: {ResidueReport.TableFile} ({result.Proteins} proteins, {result.Positions} positions), " +
            $"{ResidueReport.ProteinsFile}, {result.Tracks} track figures{cap}; largest completeness gap {result.LargestGap:G3} (raise --max-steps if large)");
        if (result.Signals.Count > 0)
            ExplainReporter.WriteSignalTable(environment,
                "Absolute attribution inside annotated sorting signals (enrichment = share inside / the share a uniform spread puts there):", result.Signals);
        return ExitCodes.Success;
    }
}
