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

        [CommandOption("--out-of-fold <MODEL>")]
        [Description("Fit on out-of-fold predictions instead: MODEL is an ensemble of cross-validation networks (`locsharp ensemble` of `cv`'s folds), each scoring the partitions of DATA's --split it did not train on. The temperature goes into -m's model (which may be MODEL itself).")]
        public string? OutOfFold { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Output)) return ValidationResult.Error("Give the calibrated model's file with -o|--output <MODEL>.");
            if (OutOfFold != null && (Split == null || Mapping != null))
                return ValidationResult.Error("--out-of-fold needs the cross-validation's --split, and takes no --mapping.");
            OutputGuard.IsWritableFilePath(Output, "-o|--output");
            // The model itself may be replaced (its weights are read before anything is written); the data may not.
            OutputGuard.NotAnInput(Output, "-o|--output", Data, Split, Mapping, Exclude);
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        Threads.Configure(settings.Threads, environment, ThreadUse.AcrossBatches);
        using var model = ModelFile.Load(settings.Model);
        if (model.Calibration is { } previous)
            environment.Error.WriteLine($"{settings.Model} already carries temperature {previous.Temperature:0.####} (fitted on {previous.FittedOn}); fitting a new one on the raw logits");
        var (data, mapping) = settings.ReadData(model, environment);
        var profiles = settings.ProfilesFor(model, settings.Model, environment);
        var fit = settings.OutOfFold == null
            ? ProteinProgress.Run(environment, "calibrating", data.Proteins.Count,
                progress => ModelCalibrator.Fit(model, data, mapping, profiles, progress: progress))
            : FitOutOfFold(settings, model, data, profiles);
        if (fit.LeftOut > 0)
            environment.Error.WriteLine($"left out {fit.LeftOut} proteins whose location none of the model's outputs counts for");
        model.Calibration = fit.Calibration;
        ModelFile.Save(model, settings.Output);

        foreach (string line in HeldOutCalibration.Describe(fit.Calibration)) environment.Out.WriteLine(line);
        environment.Error.WriteLine($"wrote {settings.Output}");
        return ExitCodes.Success;
    }

    CalibrationFit FitOutOfFold(Settings settings, TrainedModel model, LocSharp.Data.LabelledDataSet data, LocSharp.Profiles.ProfileSet? profiles)
    {
        using var crossValidation = ModelFile.Load(settings.OutOfFold!);
        try { TrainedModel.CheckCompatible(model, crossValidation); }
        catch (ArgumentException e) { throw new UsageException($"--out-of-fold {settings.OutOfFold} cannot calibrate {settings.Model}: {e.Message}"); }
        return ProteinProgress.Run(environment, "calibrating out of fold", data.Proteins.Count,
            progress => ModelCalibrator.FitOutOfFold(crossValidation, data, profiles, progress: progress));
    }
}
