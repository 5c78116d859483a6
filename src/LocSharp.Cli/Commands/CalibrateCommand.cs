using System.ComponentModel;
using LocSharp.Calibration;
using LocSharp.Cli.Infrastructure;
using LocSharp.Cli.Settings;
using LocSharp.Models;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Commands;

/// <summary>`locsharp calibrate`: fits a model's temperature on held-out labelled proteins and writes the calibrated model.</summary>
public sealed class CalibrateCommand(CliEnvironment environment) : Command<CalibrateCommand.Settings>
{
    public sealed class Settings : ScoringDataSettings
    {
        [CommandOption("-o|--output <MODEL>")]
        [Description("Write the calibrated model here (may be the input model; written completely or not at all).")]
        public string Output { get; init; } = "";

        public override ValidationResult Validate() => string.IsNullOrWhiteSpace(Output)
            ? ValidationResult.Error("Give the calibrated model's file with -o|--output <MODEL>.")
            : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        Threads.Configure(settings.Threads, environment);
        using var model = ModelFile.Load(settings.Model);
        if (model.Calibration is { } previous)
            environment.Error.WriteLine($"{settings.Model} already carries temperature {previous.Temperature:0.####} (fitted on {previous.FittedOn}); fitting a new one on the raw logits");
        var (data, mapping) = settings.ReadData(model, environment);
        var profiles = settings.ProfilesFor(model, settings.Model, environment);
        var fit = ProteinProgress.Run(environment, "calibrating", data.Proteins.Count,
            progress => ModelCalibrator.Fit(model, data, mapping, profiles, progress: progress));
        if (fit.LeftOut > 0)
            environment.Error.WriteLine($"left out {fit.LeftOut} proteins whose location none of the model's outputs counts for");
        model.Calibration = fit.Calibration;
        ModelFile.Save(model, settings.Output);

        var c = fit.Calibration;
        environment.Out.WriteLine($"temperature {c.Temperature:0.####} fitted on {c.Proteins} proteins of {c.FittedOn}: NLL {c.NllBefore:0.####} at 1, {c.NllAfter:0.####} at {c.Temperature:0.####}");
        if (c.MembraneTemperature is double t)
            environment.Out.WriteLine($"membrane temperature {t:0.####} fitted on {c.MembraneProteins} proteins flagged membrane-bound or soluble");
        environment.Error.WriteLine($"wrote {settings.Output}");
        return ExitCodes.Success;
    }
}
