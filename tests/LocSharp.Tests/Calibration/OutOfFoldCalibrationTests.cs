using LocSharp.Calibration;
using LocSharp.Data;
using LocSharp.Models;
using static LocSharp.Tests.Models.TinyNetworks;

namespace LocSharp.Tests.Calibration;

/// <summary>The temperature fitted on a cross-validation's out-of-fold predictions (`calibrate --out-of-fold`).</summary>
[Collection(TorchCollection.Name)]
public sealed class OutOfFoldCalibrationTests
{
    static TrainingSummary TrainedOn(params string[] partitions) =>
        new("data", "split.tsv", partitions, null, 10, new TrainingOptions(), 1, 1, null, 1, DateTimeOffset.UnixEpoch);

    static LabelledDataSet Data()
    {
        var random = new Random(3);
        var proteins = new List<LabelledProtein>();
        foreach (string partition in new[] { "fold1", "fold2", "test" })
            for (int i = 0; i < 6; i++)
                proteins.Add(new LabelledProtein($"{partition}-{i}", Protein(random, 5 + 3 * i), Locations[i % Locations.Length], partition, null));
        return new LabelledDataSet(proteins, "data");
    }

    [Fact]
    public void Each_network_scores_only_the_fold_it_left_out_and_test_is_never_read()
    {
        // Network 1 trained on fold1 (so it scores fold2), network 2 on fold2 (it scores fold1).
        using var crossValidation = new TrainedModel([Create(Architecture.RLstm, 61), Create(Architecture.RLstm, 62)], Locations, 100,
            [TrainedOn("fold1"), TrainedOn("fold2")]);
        var data = Data();

        var fit = ModelCalibrator.FitOutOfFold(crossValidation, data);

        // The same fit computed by hand: each held-out protein's logits from the one network that did not see it.
        var logits = new List<float[][]>();
        var targets = new List<int[]>();
        foreach (var (network, heldOut) in new[] { (0, "fold2"), (1, "fold1") })
        {
            var proteins = data.Proteins.Where(p => p.Partition == heldOut).ToList();
            using var batch = Batch([.. proteins.Select(p => p.Sequence)]);
            var (z, _) = crossValidation.Logits(batch);
            using (z)
            {
                double[] values = Values(z); // [M, B, C]
                for (int b = 0; b < proteins.Count; b++)
                {
                    int offset = (network * proteins.Count + b) * Locations.Length;
                    logits.Add([[.. values.Skip(offset).Take(Locations.Length).Select(v => (float)v)]]);
                    targets.Add([Array.IndexOf(Locations, proteins[b].Location)]);
                }
            }
        }
        var expected = TemperatureFit.Fit(logits, targets);

        Assert.Equal(12, fit.Calibration.Proteins);
        Assert.Equal(expected.Temperature, fit.Calibration.Temperature, 4);
        Assert.Equal(expected.NllBefore, fit.Calibration.NllBefore, 5);
        Assert.Contains("fold1,fold2", fit.Calibration.FittedOn);
    }

    [Fact]
    public void Networks_of_some_folds_only_fit_on_the_folds_they_left_out_and_say_which()
    {
        // Two of three folds' networks: the third fold (fold3) was trained on by both, so it is held out by none.
        var random = new Random(5);
        var proteins = new[] { "fold1", "fold2", "fold3", "test" }
            .SelectMany(part => Enumerable.Range(0, 4).Select(i => new LabelledProtein($"{part}-{i}", Protein(random, 6 + i), Locations[i % Locations.Length], part, null)))
            .ToList();
        using var crossValidation = new TrainedModel([Create(Architecture.RLstm, 63), Create(Architecture.RLstm, 64)], Locations, 100,
            [TrainedOn("fold2", "fold3"), TrainedOn("fold1", "fold3")]);

        var fit = ModelCalibrator.FitOutOfFold(crossValidation, new LabelledDataSet(proteins, "data"));

        Assert.Equal(8, fit.Calibration.Proteins);
        Assert.EndsWith("held-out partitions fold1,fold2", fit.Calibration.FittedOn);
    }

    [Fact]
    public void A_network_without_a_record_of_its_training_partitions_is_refused()
    {
        using var model = new TrainedModel([Create(Architecture.RLstm, 61), Create(Architecture.RLstm, 62)], Locations, 100);
        var error = Assert.Throws<LabelledDataException>(() => ModelCalibrator.FitOutOfFold(model, Data()));
        Assert.Contains("network 1", error.Message);
    }
}
