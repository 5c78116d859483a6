using System.Diagnostics;
using LocSharp.Data;
using LocSharp.Encoding;
using LocSharp.Models;
using LocSharp.Prediction;
using LocSharp.Profiles;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LocSharp.Training;

/// <summary>Where the training data came from, recorded in the model file.</summary>
/// <param name="Profiles">How the training data's profiles were made, recorded in profile models.</param>
public sealed record DataDescription(string Data, string? Split, IReadOnlyList<string> TrainPartitions, string? ValidationPartition,
    ProfileRecipe? Profiles = null);

/// <summary>
/// Trains one network with Adam and cross-entropy (plus, with <see cref="TrainingOptions.Membrane"/>, the
/// membrane-bound loss of <see cref="MembraneLoss"/>) on length-bucketed batches, writing a checkpoint after every
/// epoch. A run is a pure function of its options, data and seed: each epoch reseeds batch order and dropout
/// from (seed, epoch), so a run resumed from a checkpoint ends with the same weights as one never interrupted.
/// </summary>
public static class Trainer
{
    /// <param name="keepBestEpoch">With validation data, end with the weights of the epoch of best validation
    /// accuracy rather than the last epoch's. Cross-validation keeps the last, so the held-out fold selects nothing.</param>
    public static TrainedModel Train(LabelledSequences train, LabelledSequences? validation, TrainingOptions options,
        DataDescription description, string checkpointPath, bool resume,
        ITrainingObserver? observer = null, CancellationToken cancel = default, bool keepBestEpoch = true)
    {
        options.Validate();
        if (train.Locations.Count < 2)
            throw new TrainingException($"{description.Data}: the training data has {(train.Locations.Count == 0 ? "no location" : $"only one location, '{train.Locations[0]}'")}; a model needs proteins of at least 2 locations.");
        using var checkpointLock = CheckpointLock.Acquire(checkpointPath);
        AtomicFile.RemoveLeftovers(checkpointPath);   // partial writes of a killed run; the lock keeps any other run out
        if (validation != null && !validation.Locations.SequenceEqual(train.Locations))
            throw new ArgumentException("Training and validation data must use the same location list.");
        foreach (var data in validation == null ? [train] : new[] { train, validation })
            if ((data.Profiles != null) != options.Profiles)
                throw new ArgumentException(options.Profiles ? "Training with profiles needs every protein's profile." : "Profiles were given, but the options train without them.");
        if (options.Membrane && !train.HasMembraneFlags)
            throw new TrainingException("Training the membrane output needs proteins flagged membrane-bound or soluble (DeepLoc's -M / -S); the training data has none.");
        string fingerprint = train.Fingerprint();
        if (File.Exists(checkpointPath) && !resume)
            throw new CheckpointExistsException(checkpointPath);
        if (resume && File.Exists(checkpointPath)) CheckResumable(Checkpoint.ReadState(checkpointPath), options, fingerprint, train.Locations, checkpointPath);

        manual_seed(options.Seed);
        var network = LocalizationNetwork.Create(options.ToModelConfig(train.Locations.Count));
        using var optimizer = optim.Adam(network.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        var state = new Checkpoint(options, fingerprint, train.Locations, 0, 0, null, 0, []);
        byte[]? bestWeights = null;
        if (resume && File.Exists(checkpointPath)) (state, bestWeights) = Checkpoint.Load(checkpointPath, network, optimizer);

        var sequences = train.Sequences.Select(s => Truncation.Truncate(s, options.MaxLength)).ToList();
        var profiles = train.Profiles?.Select(p => p.Truncate(options.MaxLength)).ToList();
        var lengths = sequences.Select(s => s.Length).ToList();
        using var classWeights = options.ClassWeightPower > 0
            ? tensor(ClassWeights.Compute(train.Labels, train.Locations.Count, options.ClassWeightPower))
            : null;
        int batchesPerEpoch = (sequences.Count + options.BatchSize - 1) / options.BatchSize;
        observer?.Started(state.EpochsDone, options.Epochs, batchesPerEpoch,
            LengthBuckets.PaddingFraction(lengths, LengthBuckets.Shuffled(lengths, options.BatchSize, new Random(options.Seed))));
        // Validation runs through the same prediction path as `evaluate`; this view must not dispose the network.
        var view = new TrainedModel([network], train.Locations, options.MaxLength, profiles: description.Profiles);

        for (int epoch = state.EpochsDone; epoch < options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            int epochSeed = EpochSeed(options.Seed, epoch);
            manual_seed(epochSeed);
            double learningRate = options.LearningRateAt(epoch);
            foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
            var batches = LengthBuckets.Shuffled(lengths, options.BatchSize, new Random(epochSeed));

            network.train();
            double lossSum = 0;
            long correct = 0, seen = 0;
            for (int b = 0; b < batches.Count; b++)
            {
                cancel.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                int[] items = batches[b];
                using var batch = EncodedBatch.Create(sequences, items, options.InputFeatures, profiles);
                Tensor labels = tensor(items.Select(i => (long)train.Labels[i]).ToArray());  // [B]
                using var output = network.call(batch.Features, batch.Lengths);
                Tensor loss = nn.functional.cross_entropy(output.Logits, labels, weight: classWeights);
                if (options.Membrane) loss = loss + MembraneLoss.Compute(output.Membrane!, items.Select(i => train.Membrane![i]).ToArray());
                optimizer.zero_grad();
                loss.backward();
                if (options.ClipNorm > 0) nn.utils.clip_grad_norm_(network.parameters(), options.ClipNorm);
                optimizer.step();
                lossSum += loss.item<float>() * items.Length;
                correct += output.Logits.argmax(1).eq(labels).sum().item<long>();
                seen += items.Length;
                observer?.BatchDone(epoch + 1, b + 1, batches.Count, lossSum / seen);
            }

            double? validationAccuracy = validation == null ? null : Accuracy(view, validation);
            bool isBest = validationAccuracy > (state.BestValidationAccuracy ?? double.NegativeInfinity);
            if (isBest && keepBestEpoch) bestWeights = TensorArchive.Write(network, TensorArchive.Precision.Float32);
            var report = new EpochReport(epoch + 1, learningRate, lossSum / seen, (double)correct / seen,
                validationAccuracy, LengthBuckets.PaddingFraction(lengths, batches), clock.Elapsed.TotalSeconds);
            state = state with
            {
                EpochsDone = epoch + 1,
                BestEpoch = isBest ? epoch + 1 : state.BestEpoch,
                BestValidationAccuracy = isBest ? validationAccuracy : state.BestValidationAccuracy,
                WallSeconds = state.WallSeconds + clock.Elapsed.TotalSeconds,
                History = [.. state.History, report],
            };
            state.Save(checkpointPath, network, optimizer, bestWeights);
            observer?.EpochDone(report, isBest);
        }

        if (bestWeights != null) TensorArchive.Read(bestWeights, network, checkpointPath);
        network.eval();
        int selectedEpoch = bestWeights != null ? state.BestEpoch : state.EpochsDone;
        double? selectedAccuracy = selectedEpoch > 0 ? state.History[selectedEpoch - 1].ValidationAccuracy : null;
        var summary = new TrainingSummary(description.Data, description.Split, description.TrainPartitions,
            description.ValidationPartition, train.Count, options, state.EpochsDone, selectedEpoch, selectedAccuracy,
            state.WallSeconds, DateTimeOffset.UtcNow);
        return new TrainedModel([network], train.Locations, options.MaxLength, [summary], profiles: description.Profiles);
    }

    /// <summary>Fraction of proteins whose most probable location is the labelled one.</summary>
    public static double Accuracy(TrainedModel model, LabelledSequences data)
    {
        int[] predicted = Predictions.ArgMax(Predictions.Probabilities(model, data.Sequences, data.Profiles));
        return (double)predicted.Where((p, i) => p == data.Labels[i]).Count() / data.Count;
    }

    static int EpochSeed(int seed, int epoch) => unchecked(seed * 1_000_003 + epoch + 1);

    static void CheckResumable(Checkpoint saved, TrainingOptions options, string fingerprint, IReadOnlyList<string> locations, string path)
    {
        if (!saved.Options.Equals(options))
            throw new TrainingException($"{path} was written by a run with other settings; resume with the same settings, or delete it to start over.\n  checkpoint: {saved.Options}\n  now:        {options}");
        if (saved.DataFingerprint != fingerprint || !saved.Locations.SequenceEqual(locations))
            throw new TrainingException($"{path} was written by a run on other training data; resume with the same data and partitions, or delete it to start over.");
    }
}
