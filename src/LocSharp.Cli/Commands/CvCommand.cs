using System.ComponentModel;
using LocSharp.Cli.Infrastructure;
using LocSharp.Cli.Settings;
using LocSharp.Data;
using LocSharp.Models;
using LocSharp.Training;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Commands;

/// <summary>
/// `locsharp cv`: for each training fold, train on the other folds and measure accuracy on it after every epoch.
/// Each fold is a resumable `train` run in the output folder, so several processes can share the folds
/// (--folds) and a later `cv --resume` gathers them.
/// </summary>
public sealed class CvCommand(CliEnvironment environment) : Command<CvCommand.Settings>
{
    public sealed class Settings : TrainingSettings
    {
        [CommandOption("-o|--output <DIR>")]
        [Description("Folder for each fold's model (FOLD.lsm), checkpoint, log, and the summary cv.json.")]
        public string Output { get; init; } = "";

        [CommandOption("--folds <LIST>")]
        [Description("Comma-separated folds to run now. Default: every partition of the split but 'test'.")]
        public string? Folds { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Output)) return ValidationResult.Error("Give the output folder with -o|--output <DIR>.");
            if (Split == null) return ValidationResult.Error("Cross-validation needs a split: give --split FILE.");
            OutputGuard.IsFolderPath(Output, "-o|--output");
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var options = settings.ResolveOptions();
        Threads.Configure(settings.Threads, environment);
        var data = LabelledDataReader.Read(environment.Input(settings.Data), settings.Split);
        var runNow = settings.Folds?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        var profiles = settings.LoadTrainingProfiles(data.Select(CrossValidationRun.Folds(data)).Proteins, environment, cancellation);
        var summary = CrossValidationRun.Run(data, settings.Data, settings.Split, options, settings.Output, settings.Resume, runNow,
            (label, log, train) => TrainingReporter.Run(environment, log, label, train), profiles, cancellation);

        foreach (var fold in summary.Folds) environment.Out.WriteLine($"{fold.Fold}\taccuracy {fold.Accuracy:F4}");
        environment.Out.WriteLine($"cross-validation accuracy {summary.MeanAccuracy:F4} ± {(summary.SdAccuracy is double sd ? sd.ToString("F4") : "n/a")} (mean ± sd over {summary.Folds.Count} of {CrossValidationRun.Folds(data).Count} folds, last epoch)");
        environment.Out.WriteLine($"best mean accuracy {summary.BestEpochMeanAccuracy:F4} after epoch {summary.BestEpoch} of {options.Epochs}");
        if (summary.Calibration is { } c)
            environment.Out.WriteLine($"temperature {c.Temperature:0.####} fitted on {c.Proteins} out-of-fold proteins: NLL {c.NllBefore:0.####} at 1, {c.NllAfter:0.####} at {c.Temperature:0.####}; stored in every fold's model");
        return ExitCodes.Success;
    }
}
