using System.IO.Compression;
using System.Text.Json.Nodes;
using LocSharp.Calibration;
using LocSharp.Data;
using LocSharp.Models;
using static LocSharp.Tests.Models.TinyNetworks;
using static TorchSharp.torch;

namespace LocSharp.Tests.Calibration;

[Collection(TorchCollection.Name)]
public sealed class ModelCalibrationTests : IDisposable
{
    readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    static readonly ModelCalibration Fitted = new(2.5, "held-out.fasta", 10, 1.2, 0.9);

    static TrainedModel Ensemble() => new([Create(Architecture.RLstm, 51), Create(Architecture.ALstm, 52)], Locations, 100);

    static string[] Proteins() { var random = new Random(8); return [.. new[] { 9, 20, 4 }.Select(n => Protein(random, n))]; }

    [Fact]
    public void A_calibrated_ensemble_averages_softmax_of_each_members_logits_over_the_temperature()
    {
        using var model = Ensemble();
        using var batch = Batch(Proteins());
        var (logits, _) = model.Logits(batch);
        double[] z = Values(logits); // [M=2, B=3, C=3]

        model.Calibration = Fitted;
        using var probabilities = model.PredictProbabilities(batch);
        double[] actual = Values(probabilities);

        var expected = new double[9];
        for (int m = 0; m < 2; m++)
        for (int b = 0; b < 3; b++)
        {
            double[] row = [.. Enumerable.Range(0, 3).Select(c => Math.Exp(z[(m * 3 + b) * 3 + c] / 2.5))];
            for (int c = 0; c < 3; c++) expected[b * 3 + c] += row[c] / row.Sum() / 2;
        }
        AssertClose(expected, actual, 1e-6, "calibrated probabilities");
        model.Calibration = null;
        using var raw = model.PredictProbabilities(batch);
        Assert.True(Values(raw).Zip(actual).Max(p => Math.Abs(p.First - p.Second)) > 1e-4, "the temperature changed nothing");
    }

    [Fact]
    public void The_calibration_survives_a_round_trip_and_a_file_without_one_loads_uncalibrated()
    {
        string path = directory.Path("calibrated.lsm");
        using (var model = Ensemble())
        {
            model.Calibration = Fitted with { MembraneTemperature = 1.5, MembraneProteins = 4 };
            ModelFile.Save(model, path);
        }
        using (var loaded = ModelFile.Load(path))
        {
            Assert.Equal(Fitted with { MembraneTemperature = 1.5, MembraneProteins = 4 }, loaded.Calibration);
            Assert.Equal(2.5, loaded.Temperature);
        }

        // A file written before calibration existed has no "calibration" field at all.
        string old = directory.Path("old.lsm");
        using (var model = Ensemble()) ModelFile.Save(model, old);
        RewriteMetadata(old, json => Assert.True(json.Remove("calibration")));
        using var uncalibrated = ModelFile.Load(old);
        Assert.Null(uncalibrated.Calibration);
        Assert.Equal(1, uncalibrated.Temperature);
    }

    [Fact]
    public void A_file_with_a_non_positive_temperature_is_refused()
    {
        string path = directory.Path("bad.lsm");
        using (var model = Ensemble())
        {
            model.Calibration = Fitted;
            ModelFile.Save(model, path);
        }
        RewriteMetadata(path, json => json["calibration"]!["temperature"] = -1);

        var error = Assert.Throws<ModelFileException>(() => ModelFile.Load(path).Dispose());
        Assert.Contains("temperature", error.Message);
    }

    static void RewriteMetadata(string path, Action<JsonObject> change)
    {
        var entries = new List<(string Name, byte[] Bytes)>();
        using (var zip = ZipFile.OpenRead(path))
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                byte[] bytes = memory.ToArray();
                if (entry.FullName == "model.json")
                {
                    var json = JsonNode.Parse(bytes)!.AsObject();
                    change(json);
                    bytes = System.Text.Encoding.UTF8.GetBytes(json.ToJsonString());
                }
                entries.Add((entry.FullName, bytes));
            }
        File.Delete(path);
        using var output = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, bytes) in entries)
        {
            using var stream = output.CreateEntry(name).Open();
            stream.Write(bytes);
        }
    }

    [Fact]
    public void The_calibrator_fits_the_minimum_of_the_models_own_nll_and_skips_unmapped_locations()
    {
        using var model = Ensemble();
        var random = new Random(9);
        var sequences = Enumerable.Range(0, 30).Select(i => Protein(random, 5 + i % 7)).ToList();
        // Labels mostly the model's own calls, a quarter of them wrong: the best temperature is then finite and positive.
        int[] calls = LocSharp.Prediction.Predictions.ArgMax(LocSharp.Prediction.Predictions.Probabilities(model, sequences));
        int[] labels = [.. calls.Select((c, i) => i % 4 == 0 ? (c + 1) % 3 : c)];
        var proteins = sequences.Select((s, i) => new LabelledProtein($"P{i}", s, Locations[labels[i]], null, null))
            .Append(new LabelledProtein("X", Protein(random, 6), "elsewhere", null, null)).ToList();
        var data = new LabelledDataSet(proteins, "tiny");
        var mapping = new LocationMapping(Locations.Select(l => KeyValuePair.Create(l, l)), "identity");

        var fit = ModelCalibrator.Fit(model, data, mapping);

        Assert.Equal(1, fit.LeftOut);
        Assert.InRange(fit.Calibration.Temperature, 1.01 * LocSharp.Calibration.TemperatureFit.MinTemperature, 0.99 * LocSharp.Calibration.TemperatureFit.MaxTemperature);
        Assert.Equal(30, fit.Calibration.Proteins);
        // The NLL of the model's own predictions at the fitted temperature is no worse than at nearby ones.
        double Nll(double t)
        {
            model.Calibration = fit.Calibration with { Temperature = t };
            var p = LocSharp.Prediction.Predictions.Probabilities(model, proteins.Take(30).Select(x => x.Sequence).ToList());
            return -Enumerable.Range(0, 30).Average(i => Math.Log(p[i][labels[i]]));
        }
        double at = Nll(fit.Calibration.Temperature);
        Assert.Equal(fit.Calibration.NllAfter, at, 4);
        Assert.Equal(fit.Calibration.NllBefore, Nll(1), 4);
        Assert.True(at <= Nll(fit.Calibration.Temperature * 1.1) + 1e-6);
        Assert.True(at <= Nll(fit.Calibration.Temperature / 1.1) + 1e-6);
    }
}
