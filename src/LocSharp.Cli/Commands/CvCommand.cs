using System.ComponentModel;
using System.Text.Json;
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
        var allFolds = data.Partitions.Where(p => p != PartitionChoice.TestPartition).ToList();
        if (allFolds.Count < 2) throw new LabelledDataException(settings.Split!, null, null, $"cross-validation needs at least two partitions besides 'test'; the split has {string.Join(", ", data.Partitions)}.");
        var runNow = settings.Folds?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList() ?? allFolds;
        if (runNow.FirstOrDefault(f => !allFolds.Contains(f)) is string unknown)
            throw new UsageException($"--folds: '{unknown}' is not a training partition; the split has {string.Join(", ", allFolds)}.");
        Directory.CreateDirectory(settings.Output);

        foreach (string fold in runNow)
        {
            string modelPath = Path.Combine(settings.Output, fold + ".lsm");
            if (File.Exists(modelPath) && settings.Resume) continue;
            var trainNames = allFolds.Where(f => f != fold).ToList();
            var train = LabelledSequences.From(data.Select(trainNames));
            var validation = LabelledSequences.From(data.Select(fold));
            using var model = TrainingReporter.Run(environment, modelPath + ".log", $"cv {fold}",
                observer => Trainer.Train(train, validation, options,
                    new DataDescription(settings.Data, settings.Split, trainNames, fold),
                    modelPath + ".checkpoint", settings.Resume, observer, cancellation, keepBestEpoch: false));
            ModelFile.Save(model, modelPath);
        }

        var finished = allFolds
            .Select(fold => (fold, path: Path.Combine(settings.Output, fold + ".lsm.checkpoint")))
            .Where(f => File.Exists(f.path))
            .Select(f => (f.fold, state: Checkpoint.ReadState(f.path)))
            .Where(f => f.state.Options.Equals(options) && f.state.EpochsDone == options.Epochs)
            .Select(f => new FoldResult(f.fold, f.state.History.Select(h => h.ValidationAccuracy ?? double.NaN).ToList()))
            .ToList();
        var summary = CrossValidationSummary.From(options, finished);
        AtomicFile.WriteAllText(Path.Combine(settings.Output, "cv.json"), JsonSerializer.Serialize(summary, ModelFile.Json));
        foreach (var fold in summary.Folds) environment.Out.WriteLine($"{fold.Fold}\taccuracy {fold.Accuracy:F4}");
        environment.Out.WriteLine($"cross-validation accuracy {summary.MeanAccuracy:F4} ± {(summary.SdAccuracy is double sd ? sd.ToString("F4") : "n/a")} (mean ± sd over {summary.Folds.Count} of {allFolds.Count} folds, last epoch)");
        environment.Out.WriteLine($"best mean accuracy {summary.BestEpochMeanAccuracy:F4} after epoch {summary.BestEpoch} of {options.Epochs}");
        return ExitCodes.Success;
    }
}
