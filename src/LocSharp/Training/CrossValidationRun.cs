using System.Text.Json;
using LocSharp.Calibration;
using LocSharp.Data;
using LocSharp.Models;
using LocSharp.Profiles;

namespace LocSharp.Training;

/// <summary>Runs one fold's training with whatever shows its progress: (label, log path, the training to run).</summary>
public delegate TrainedModel FoldTrainingHost(string label, string logPath, Func<ITrainingObserver?, TrainedModel> train);

/// <summary>
/// k-fold cross-validation over the training partitions of a split ('test' never trains or validates): for each
/// fold, a resumable training run on the other folds into <c>DIR/FOLD.lsm</c> (checkpoint and log beside it), the
/// held-out fold measured after every epoch; then every finished fold in the folder, whichever process trained it,
/// is gathered into <c>DIR/cv.json</c>. Several processes can share the folds and a later run with
/// <c>resume</c> gathers them.
/// </summary>
public static class CrossValidationRun
{
    /// <summary>The partition that never trains or selects anything.</summary>
    public const string TestPartition = PartitionChoice.TestPartition;

    public const string SummaryFile = "cv.json";

    /// <summary>The folds of <paramref name="data"/>: every partition but <see cref="TestPartition"/>.</summary>
    /// <exception cref="LabelledDataException">Fewer than two.</exception>
    public static IReadOnlyList<string> Folds(LabelledDataSet data)
    {
        var folds = data.Partitions.Where(p => p != TestPartition).ToList();
        if (folds.Count < 2)
            throw new LabelledDataException(data.Source, null, null,
                $"cross-validation needs at least two partitions besides '{TestPartition}'; the split has {string.Join(", ", data.Partitions)}.");
        return folds;
    }

    public static string ModelPath(string directory, string fold) => Path.Combine(directory, fold + ".lsm");

    /// <summary>Trains the folds <paramref name="runNow"/> (all by default) into <paramref name="directory"/> and
    /// gathers every finished fold there. <paramref name="dataPath"/> and <paramref name="splitPath"/> are recorded in each
    /// fold's model; <paramref name="profiles"/>, every protein's, when the options train with profiles.</summary>
    /// <exception cref="InvalidSettingException">A fold in <paramref name="runNow"/> is not a training partition.</exception>
    /// <exception cref="TrainingException">No fold has finished with these options.</exception>
    public static CrossValidationSummary Run(LabelledDataSet data, string dataPath, string? splitPath, TrainingOptions options, string directory, bool resume,
        IReadOnlyList<string>? runNow, FoldTrainingHost host, TrainingProfiles? profiles = null, CancellationToken cancel = default)
    {
        var folds = Folds(data);
        options = options with { Membrane = LabelledSequences.From(data.Select(folds)).HasMembraneFlags };
        runNow ??= folds;
        if (runNow.FirstOrDefault(f => !folds.Contains(f)) is string unknown)
            throw new InvalidSettingException($"'{unknown}' is not a training partition; the split has {string.Join(", ", folds)}.");
        Directory.CreateDirectory(directory);

        foreach (string fold in runNow)
        {
            string modelPath = ModelPath(directory, fold);
            if (File.Exists(modelPath) && resume) continue;
            var trainNames = folds.Where(f => f != fold).ToList();
            var train = LabelledSequences.From(data.Select(trainNames), profiles?.Set);
            var validation = LabelledSequences.From(data.Select(fold), profiles?.Set);
            using var model = host($"cv {fold}", modelPath + ".log",
                observer => Trainer.Train(train, validation, options, new DataDescription(dataPath, splitPath, trainNames, fold, profiles?.Recipe),
                    modelPath + ".checkpoint", resume, observer, cancel, keepBestEpoch: false));
            ModelFile.Save(model, modelPath);
        }

        var finished = Gather(folds, directory, options);
        if (finished.Count == 0)
            throw new TrainingException($"{directory}: no fold has finished {options.Epochs} epochs with these settings.");
        var summary = CrossValidationSummary.From(options, finished) with
        {
            Calibration = finished.Count == folds.Count ? CalibrateFolds(data, folds, directory, profiles?.Set) : null,
        };
        AtomicFile.WriteAllText(Path.Combine(directory, SummaryFile), JsonSerializer.Serialize(summary, ModelFile.Json));
        return summary;
    }

    /// <summary>
    /// Fits one temperature on the out-of-fold predictions of every fold's model (each on the fold it left out; see
    /// <see cref="ModelCalibrator.FitOutOfFold"/>) and stores it in every fold's model file. Models that already
    /// carry the same out-of-fold temperature (a resumed, finished cross-validation) are left as they are.
    /// </summary>
    static ModelCalibration CalibrateFolds(LabelledDataSet data, IReadOnlyList<string> folds, string directory, ProfileSet? profiles)
    {
        var paths = folds.Select(f => ModelPath(directory, f)).ToList();
        var stored = paths.Select(p => ModelFile.ReadMetadata(p).Calibration).Distinct().ToList();
        if (stored is [{ } already] && already.FittedOn.StartsWith(ModelCalibrator.OutOfFoldPrefix, StringComparison.Ordinal)) return already;

        var models = paths.Select(ModelFile.Load).ToList();
        using var crossValidation = TrainedModel.Ensemble(models); // holds, and disposes, every fold's network
        var calibration = ModelCalibrator.FitOutOfFold(crossValidation, data.Select(folds), profiles).Calibration;
        for (int i = 0; i < models.Count; i++)
        {
            models[i].Calibration = calibration;
            ModelFile.Save(models[i], paths[i]);
        }
        return calibration;
    }

    /// <summary>The folds whose checkpoint in <paramref name="directory"/> finished every epoch of <paramref name="options"/>.</summary>
    static List<FoldResult> Gather(IReadOnlyList<string> folds, string directory, TrainingOptions options) => folds
        .Select(fold => (fold, path: ModelPath(directory, fold) + ".checkpoint"))
        .Where(f => File.Exists(f.path))
        .Select(f => (f.fold, state: Checkpoint.ReadState(f.path)))
        .Where(f => f.state.Options.Equals(options) && f.state.EpochsDone == options.Epochs)
        .Select(f => new FoldResult(f.fold, f.state.History.Select(h => h.ValidationAccuracy ?? double.NaN).ToList()))
        .ToList();
}
