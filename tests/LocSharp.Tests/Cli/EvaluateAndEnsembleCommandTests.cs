using System.Globalization;
using System.Text.Json;
using LocSharp.Cli.Infrastructure;
using LocSharp.Models;
using LocSharp.Tests.Training;

namespace LocSharp.Tests.Cli;

/// <summary>`locsharp evaluate` and `locsharp ensemble` on tiny models.</summary>
[Collection(TorchCollection.Name)]
public sealed class EvaluateAndEnsembleCommandTests : IDisposable
{
    readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    /// <summary>Predicted location of every protein, from `predict`.</summary>
    static Dictionary<string, string> Predicted(string model, string fasta) =>
        CliRunner.Run("predict", fasta, "-m", model).Out.TrimEnd('\n').Split('\n').Skip(1)
            .Select(line => line.Split(',')).ToDictionary(f => f[0], f => f[1]);

    string TrainedModel(string fasta, string name = "m.lsm", int seed = 1)
    {
        string model = directory.Path(name);
        var result = CliRunner.Run(["train", fasta, "--epochs", "3", "--seed", $"{seed}", "-o", model, .. LabelledFiles.TinyNetwork]);
        Assert.True(result.Exit == ExitCodes.Success, result.Error);
        return model;
    }

    [Fact]
    public void Evaluate_reports_the_accuracy_of_the_models_predictions_on_the_chosen_partition()
    {
        var (fasta, split, data) = LabelledFiles.Write(directory);
        string model = TrainedModel(fasta);
        var predicted = Predicted(model, fasta);
        var testIds = Enumerable.Range(0, data.Count).Where(i => i % 4 == 0).ToList();
        double expected = testIds.Count(i => predicted[data.Ids[i]] == data.Locations[data.Labels[i]]) / (double)testIds.Count;

        var json = CliRunner.Run("evaluate", "-m", model, fasta, "--split", split, "--partition", "test", "--json");
        var text = CliRunner.Run("evaluate", "-m", model, fasta, "--split", split, "--partition", "test");

        Assert.True(json.Exit == ExitCodes.Success, json.Error);
        var report = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal(expected, report.GetProperty("accuracy").GetDouble(), 9);
        Assert.Equal(testIds.Count, report.GetProperty("proteins").GetInt64());
        Assert.Contains($"Accuracy  {expected.ToString("F3", CultureInfo.InvariantCulture)}", text.Out);
    }

    [Fact]
    public void Evaluating_on_unknown_locations_needs_a_mapping_and_works_with_one()
    {
        var (fasta, _, data) = LabelledFiles.Write(directory);
        string model = TrainedModel(fasta);
        string renamed = directory.Write("renamed.fasta", SyntheticProteins.Fasta(data with { Locations = ["Secreted", "Mito", "Nuc"] }));

        var refused = CliRunner.Run("evaluate", "-m", model, renamed);
        var mapped = CliRunner.Run("evaluate", "-m", model, renamed, "--mapping", "Extracellular=Secreted,Mitochondrion=Mito,Nucleus=Nuc", "--json");
        var direct = CliRunner.Run("evaluate", "-m", model, fasta, "--json");

        Assert.Equal(ExitCodes.InvalidInput, refused.Exit);
        Assert.Contains("--mapping", refused.Error);
        Assert.True(mapped.Exit == ExitCodes.Success, mapped.Error);
        Assert.Equal(JsonDocument.Parse(direct.Out).RootElement.GetProperty("accuracy").GetDouble(),
            JsonDocument.Parse(mapped.Out).RootElement.GetProperty("accuracy").GetDouble());
    }

    [Fact]
    public void Evaluate_leaves_out_proteins_listed_in_the_exclude_file()
    {
        var (fasta, _, data) = LabelledFiles.Write(directory);
        string model = TrainedModel(fasta);
        string exclude = directory.Write("exclude.fasta", $">{data.Ids[0]}\nMKV\n>{data.Ids[5]}\nMKV\n>unrelated\nMKV\n");

        var result = CliRunner.Run("evaluate", "-m", model, fasta, "--exclude", exclude, "--json");

        Assert.True(result.Exit == ExitCodes.Success, result.Error);
        Assert.Equal(data.Count - 2, JsonDocument.Parse(result.Out).RootElement.GetProperty("proteins").GetInt64());
        Assert.Contains("left out 2 proteins", result.Error);
    }

    [Fact]
    public void An_ensemble_predicts_the_mean_of_its_members_probabilities()
    {
        var (fasta, _, _) = LabelledFiles.Write(directory);
        string a = TrainedModel(fasta, "a.lsm", seed: 1), b = TrainedModel(fasta, "b.lsm", seed: 2);
        string ensemble = directory.Path("ab.lsm");

        var made = CliRunner.Run("ensemble", a, b, "-o", ensemble);

        Assert.True(made.Exit == ExitCodes.Success, made.Error);
        Assert.Equal(2, ModelFile.ReadMetadata(ensemble).Members.Count);
        double[][] Probabilities(string model) => CliRunner.Run("predict", fasta, "-m", model).Out.TrimEnd('\n').Split('\n').Skip(1)
            .Select(line => line.Split(',').Skip(4).Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var (pa, pb, pe) = (Probabilities(a), Probabilities(b), Probabilities(ensemble));
        for (int i = 0; i < pe.Length; i++)
            for (int c = 0; c < pe[i].Length; c++)
                Assert.InRange(Math.Abs((pa[i][c] + pb[i][c]) / 2 - pe[i][c]), 0, 1.01e-4); // each printed to ±0.00005
    }

    [Fact]
    public void An_ensemble_with_calibration_data_carries_one_temperature_for_its_averaged_output()
    {
        var (fasta, _, _) = LabelledFiles.Write(directory);
        string a = TrainedModel(fasta, "a.lsm", seed: 1), b = TrainedModel(fasta, "b.lsm", seed: 2);
        string heldOut = directory.Write("held-out.fasta", SyntheticProteins.Fasta(SyntheticProteins.Create(30, seed: 9, maxLength: 40)));
        string ensemble = directory.Path("ab.lsm"), plain = directory.Path("plain.lsm"), refit = directory.Path("refit.lsm");

        var made = CliRunner.Run("ensemble", a, b, "--calibration-data", heldOut, "--threads", "1", "-o", ensemble);

        Assert.True(made.Exit == ExitCodes.Success, made.Error);
        var calibration = ModelFile.ReadMetadata(ensemble).Calibration ?? throw new Xunit.Sdk.XunitException("ensemble fitted no temperature");
        Assert.Equal(30, calibration.Proteins);
        Assert.Equal(ExitCodes.Success, CliRunner.Run("ensemble", a, b, "-o", plain).Exit);
        Assert.Null(ModelFile.ReadMetadata(plain).Calibration);
        Assert.Equal(ExitCodes.Success, CliRunner.Run("calibrate", "-m", plain, heldOut, "-o", refit, "--threads", "1").Exit);
        Assert.Equal(ModelFile.ReadMetadata(refit).Calibration!.Temperature, calibration.Temperature, 6);
    }

    [Fact]
    public void Models_of_different_locations_do_not_join_and_the_message_names_both_files()
    {
        var (fasta, _, data) = LabelledFiles.Write(directory);
        string a = TrainedModel(fasta, "a.lsm");
        string other = directory.Write("other.fasta", SyntheticProteins.Fasta(data with { Locations = ["A", "B", "C"] }));
        string b = TrainedModel(other, "b.lsm");
        string output = directory.Path("ab.lsm");

        var result = CliRunner.Run("ensemble", a, b, "-o", output);

        Assert.Equal(ExitCodes.InvalidInput, result.Exit);
        Assert.Contains("a.lsm", result.Error);
        Assert.Contains("b.lsm", result.Error);
        Assert.False(File.Exists(output));
    }
}
