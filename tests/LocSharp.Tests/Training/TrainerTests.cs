using LocSharp.Data;
using LocSharp.Models;
using LocSharp.Training;
using Xunit.Abstractions;

namespace LocSharp.Tests.Training;

[Collection(TorchCollection.Name)]
public sealed class TrainerTests(ITestOutputHelper output) : IDisposable
{
    readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    static readonly LabelledSequences Data = SyntheticProteins.Create(40, seed: 1);
    static readonly LabelledSequences Validation = SyntheticProteins.Create(16, seed: 2);
    static readonly TrainingOptions Options = SyntheticProteins.TinyOptions;

    // A task a slightly larger network learns in a few epochs.
    static readonly LabelledSequences LearnableTrain = SyntheticProteins.Create(150, seed: 5);
    static readonly LabelledSequences LearnableValidation = SyntheticProteins.Create(60, seed: 6);
    static readonly TrainingOptions LearnableOptions = Options with
    {
        Hidden = 8, Dense = 12, AttentionSize = 8, FiltersPerWidth = 4, ConvWidths = [1, 3, 5], Dropout = 0.1, Epochs = 6, BatchSize = 16,
    };

    TrainedModel Train(string checkpoint, TrainingOptions? options = null, bool resume = false, LabelledSequences? data = null,
        LabelledSequences? validation = null, ITrainingObserver? observer = null, CancellationToken cancel = default) =>
        Trainer.Train(data ?? Data, validation, options ?? Options, SyntheticProteins.Description, directory.Path(checkpoint),
            resume, observer, cancel);

    static byte[] Weights(TrainedModel model) => TensorArchive.Write(model.Networks[0], TensorArchive.Precision.Float32);

    sealed class Reports(Action<EpochReport>? onEpoch = null) : ITrainingObserver
    {
        public List<EpochReport> Epochs { get; } = [];
        public int StartedAfter { get; private set; } = -1;

        public void Started(int epochsDone, int epochs, int batchesPerEpoch, double paddingFraction) => StartedAfter = epochsDone;

        public void EpochDone(EpochReport report, bool isBest)
        {
            Epochs.Add(report);
            onEpoch?.Invoke(report);
        }
    }

    [Fact]
    public void The_same_seed_gives_identical_weights_and_another_seed_different_ones()
    {
        using var first = Train("first.checkpoint");
        using var second = Train("second.checkpoint");
        using var other = Train("other.checkpoint", Options with { Seed = 4 });

        Assert.Equal(Weights(first), Weights(second));
        Assert.NotEqual(Weights(first), Weights(other));
    }

    [Fact]
    public void A_run_cancelled_after_an_epoch_and_resumed_ends_with_the_weights_of_an_uninterrupted_run()
    {
        var uninterruptedReports = new Reports();
        using var uninterrupted = Train("whole.checkpoint", validation: Validation, observer: uninterruptedReports);

        using var cancel = new CancellationTokenSource();
        var firstPart = new Reports(report => { if (report.Epoch == 1) cancel.Cancel(); });
        Assert.ThrowsAny<OperationCanceledException>(() => Train("parts.checkpoint", validation: Validation, observer: firstPart, cancel: cancel.Token));
        Assert.Single(firstPart.Epochs);
        var secondPart = new Reports();
        using var resumed = Train("parts.checkpoint", resume: true, validation: Validation, observer: secondPart);

        Assert.Equal(1, secondPart.StartedAfter);
        Assert.Equal([2, 3], secondPart.Epochs.Select(e => e.Epoch));
        Assert.Equal(Weights(uninterrupted), Weights(resumed));
        Assert.Equal(uninterruptedReports.Epochs.Select(e => (e.TrainLoss, e.TrainAccuracy, e.ValidationAccuracy)),
            firstPart.Epochs.Concat(secondPart.Epochs).Select(e => (e.TrainLoss, e.TrainAccuracy, e.ValidationAccuracy)));
        Assert.Equal(uninterrupted.Training[0]!.SelectedEpoch, resumed.Training[0]!.SelectedEpoch);
    }

    [Fact]
    public void Keeping_the_last_epoch_records_the_validation_accuracy_of_that_epoch()
    {
        // A learning rate high enough that validation accuracy goes up and down.
        var options = LearnableOptions with { Epochs = 4, LearningRate = 0.05 };
        var reports = new Reports();
        using var model = Trainer.Train(LearnableTrain, LearnableValidation, options,
            SyntheticProteins.Description, directory.Path("last.checkpoint"), resume: false, reports, keepBestEpoch: false);

        var training = model.Training[0]!;
        Assert.Equal(4, training.SelectedEpoch);
        Assert.Equal(reports.Epochs[^1].ValidationAccuracy, training.ValidationAccuracy);
        Assert.True(reports.Epochs.Max(e => e.ValidationAccuracy) > reports.Epochs[^1].ValidationAccuracy,
            "this test needs a run whose last epoch is not its best");
    }

    [Fact]
    public void Resume_without_a_checkpoint_starts_afresh()
    {
        using var fresh = Train("fresh.checkpoint");
        using var resumed = Train("absent.checkpoint", resume: true);
        Assert.Equal(Weights(fresh), Weights(resumed));
    }

    [Fact]
    public void Resuming_a_finished_run_trains_no_further()
    {
        using var finished = Train("finished.checkpoint");
        var reports = new Reports();
        using var again = Train("finished.checkpoint", resume: true, observer: reports);
        Assert.Equal(Options.Epochs, reports.StartedAfter);
        Assert.Empty(reports.Epochs);
        Assert.Equal(Weights(finished), Weights(again));
    }

    [Fact]
    public void An_existing_checkpoint_without_resume_is_refused()
    {
        using (Train("existing.checkpoint", Options with { Epochs = 1 })) { }
        var error = Assert.Throws<CheckpointExistsException>(() => Train("existing.checkpoint", Options with { Epochs = 1 }));
        Assert.Contains(directory.Path("existing.checkpoint"), error.Message);
        Assert.Contains("resume that run", error.Message);
        Assert.DoesNotContain("--", error.Message); // the library names no command-line flag
    }

    [Fact]
    public void A_checkpoint_of_a_run_with_other_settings_is_refused()
    {
        var one = Options with { Epochs = 1 };
        using (Train("settings.checkpoint", one)) { }
        foreach (var other in new[] { one with { Hidden = 5 }, one with { Seed = 8 }, one with { ConvWidths = [1, 5] }, one with { Epochs = 2 } })
        {
            var error = Assert.Throws<TrainingException>(() => Train("settings.checkpoint", other, resume: true));
            Assert.Contains(directory.Path("settings.checkpoint"), error.Message);
            Assert.Contains("other settings", error.Message);
        }
    }

    [Fact]
    public void A_checkpoint_of_a_run_on_other_data_is_refused()
    {
        var one = Options with { Epochs = 1 };
        using (Train("data.checkpoint", one)) { }
        var changedSequence = Data with { Sequences = [.. Data.Sequences.Select((s, i) => i == 5 ? s + "A" : s)] };
        var changedLabel = Data with { Labels = [.. Data.Labels.Select((l, i) => i == 5 ? (l + 1) % 3 : l)] };
        var fewer = Data with { Ids = Data.Ids.Skip(1).ToList(), Sequences = Data.Sequences.Skip(1).ToList(), Labels = Data.Labels.Skip(1).ToList() };
        foreach (var other in new[] { changedSequence, changedLabel, fewer })
        {
            var error = Assert.Throws<TrainingException>(() => Train("data.checkpoint", one, resume: true, data: other));
            Assert.Contains(directory.Path("data.checkpoint"), error.Message);
            Assert.Contains("other training data", error.Message);
        }
    }

    [Fact]
    public void Resuming_from_a_damaged_checkpoint_is_refused_naming_it()
    {
        string path = directory.Write("damaged.checkpoint", "PK and then nothing");
        var error = Assert.Throws<ModelFileException>(() => Train("damaged.checkpoint", resume: true));
        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains("not a readable checkpoint", error.Message);
    }

    [Fact]
    public void A_network_learns_an_easy_task_in_a_few_epochs()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var options = LearnableOptions;
        var reports = new Reports();

        using var model = Train("learn.checkpoint", options, data: LearnableTrain, validation: LearnableValidation, observer: reports);

        double accuracy = Trainer.Accuracy(model, LearnableValidation);
        output.WriteLine($"validation accuracy {accuracy:F3}; losses {string.Join(", ", reports.Epochs.Select(e => e.TrainLoss.ToString("F3")))}; {started.Elapsed.TotalSeconds:F1} s");
        Assert.True(accuracy >= 0.8, $"validation accuracy {accuracy:F3} after {options.Epochs} epochs; chance is 0.33");
        Assert.True(reports.Epochs[^1].TrainLoss < 0.6 * reports.Epochs[0].TrainLoss, "the training loss should fall");
    }
}
