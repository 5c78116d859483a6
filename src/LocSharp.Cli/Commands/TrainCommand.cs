using System.ComponentModel;
using LocSharp;
using LocSharp.Cli.Infrastructure;
using LocSharp.Cli.Settings;
using LocSharp.Data;
using LocSharp.Models;
using LocSharp.Training;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Commands;

/// <summary>`locsharp train`: one network on labelled proteins, checkpointed every epoch, resumable.</summary>
public sealed class TrainCommand(CliEnvironment environment) : Command<TrainCommand.Settings>
{
    public sealed class Settings : TrainingSettings
    {
        [CommandOption("-o|--output <MODEL>")]
        [Description("Model file to write.")]
        public string Output { get; init; } = "";

        [CommandOption("--train-partitions <LIST>")]
        [Description("Comma-separated partitions to train on. Default with --split: all but 'test' and the validation partition.")]
        public string? TrainPartitions { get; init; }

        [CommandOption("--validation-partition <NAME>")]
        [Description("Partition that picks the best epoch; its weights are kept. Default: none (keep the last epoch).")]
        public string? ValidationPartition { get; init; }

        [CommandOption("--validation-data <DATA>")]
        [Description("Separate labelled proteins that pick the best epoch (e.g. DeepLoc's dev set), in either layout. Locations the training data lacks are left out of validation.")]
        public string? ValidationData { get; init; }

        [CommandOption("--calibration-data <DATA>")]
        [Description("Labelled proteins held out from training and from choosing the epoch (e.g. one half of a dev set), in either layout: the finished model's temperature is fitted on them and stored in it. Locations the training data lacks are left out. Default: no temperature (calibrate can fit one later).")]
        public string? CalibrationData { get; init; }

        [CommandOption("--checkpoint <FILE>")]
        [Description("Checkpoint written after every epoch. Default: MODEL.checkpoint.")]
        public string? Checkpoint { get; init; }

        public override Spectre.Console.ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Output) ? Spectre.Console.ValidationResult.Error("Give the model file to write with -o|--output <MODEL>.")
            : ValidationData != null && ValidationPartition != null ? Spectre.Console.ValidationResult.Error("Give --validation-data or --validation-partition, not both.")
            : CheckOutputs() ?? base.Validate();

        Spectre.Console.ValidationResult? CheckOutputs()
        {
            OutputGuard.IsWritableFilePath(Output, "-o|--output");
            OutputGuard.IsWritableFilePath(Checkpoint, "--checkpoint");
            string?[] inputs = [Data, Split, ValidationData, CalibrationData, Config, ProfileRecipe, .. Profiles];
            OutputGuard.NotAnInput(Output, "-o|--output", inputs);
            OutputGuard.NotAnInput(Checkpoint ?? Output + ".checkpoint", "--checkpoint", inputs);
            OutputGuard.NotAnInput(Output + ".log", "-o|--output (its log, MODEL.log)", inputs);
            return null;
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        string checkpoint = settings.Checkpoint ?? settings.Output + ".checkpoint";
        if (File.Exists(checkpoint) && !settings.Resume)
            throw new CheckpointExistsException(checkpoint); // before any work
        Threads.Configure(settings.Threads, environment);
        var data = LabelledDataReader.Read(environment.Input(settings.Data), settings.Split);
        var partitions = PartitionChoice.Training(data, settings.TrainPartitions, settings.ValidationPartition);
        var validationSet = settings.ValidationData == null ? partitions.Validation
            : KnownLocations.Restrict(LabelledDataReader.Read(settings.ValidationData), partitions.Train.Locations, environment.Error.WriteLine);
        var calibration = HeldOutCalibration.Read(settings.CalibrationData, partitions.Train.Locations, environment);
        if (calibration != null && settings.ValidationData != null && FileNode.Same(settings.CalibrationData!, settings.ValidationData))
            environment.Error.WriteLine($"warning: {settings.CalibrationData} also chooses the epoch; the temperature is fitted on the proteins that selected the model.");
        var profiles = settings.LoadTrainingProfiles(
            [.. partitions.Train.Proteins, .. validationSet?.Proteins ?? [], .. calibration?.Proteins ?? []], environment, cancellation);
        var train = LabelledSequences.From(partitions.Train, profiles?.Set);
        var options = settings.ResolveOptions() with { Membrane = train.HasMembraneFlags };
        var validation = validationSet == null ? null : LabelledSequences.From(validationSet, profiles?.Set);

        using var model = TrainingReporter.Run(environment, settings.Output + ".log", Path.GetFileName(settings.Output),
            observer => Trainer.Train(train, validation, options,
                new DataDescription(settings.Data, settings.Split, partitions.TrainNames, settings.ValidationPartition ?? settings.ValidationData,
                    profiles?.Recipe),
                checkpoint, settings.Resume, observer, cancellation));
        if (calibration == null) ModelFile.Save(model, settings.Output);
        else
        {
            // Fit on the weights as stored (float16), which is what every later prediction reads.
            string stored = Path.Combine(Path.GetTempPath(), $"locsharp-{Guid.NewGuid():N}.lsm");
            try
            {
                ModelFile.Save(model, stored);
                using var reloaded = ModelFile.Load(stored);
                calibration.Apply(reloaded, profiles?.Set, environment);
                ModelFile.Save(reloaded, settings.Output);
            }
            finally { File.Delete(stored); }
        }
        environment.Error.WriteLine($"wrote {settings.Output} ({model.Training[0]!.SelectedEpoch} of {options.Epochs} epochs' weights, {model.Training[0]!.WallSeconds / 60:F1} min of training)");
        return ExitCodes.Success;
    }
}
