using System.Text.Json;
using LocSharp.Cli.Infrastructure;
using LocSharp.Models;
using LocSharp.Training;
using LocSharp.Tests.Training;

namespace LocSharp.Tests.Cli;

/// <summary>`locsharp train` and `cv`: partitions, settings precedence, cross-validation output.</summary>
[Collection(TorchCollection.Name)]
public sealed class TrainingCommandTests : IDisposable
{
    readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Train_with_a_split_never_trains_on_test_and_records_its_partitions()
    {
        var (fasta, split, _) = LabelledFiles.Write(directory);
        string model = directory.Path("m.lsm");

        var result = CliRunner.Run(["train", fasta, "--split", split, "--validation-partition", "fold3", "--epochs", "2", "-o", model, .. LabelledFiles.TinyNetwork]);

        Assert.True(result.Exit == ExitCodes.Success, result.Error);
        var training = ModelFile.ReadMetadata(model).Members[0].Training!;
        Assert.Equal(["fold1", "fold2"], training.TrainPartitions);
        Assert.Equal("fold3", training.ValidationPartition);
        Assert.Equal(24, training.Proteins);
        Assert.NotNull(training.ValidationAccuracy);
        Assert.True(File.Exists(model + ".log"));
        Assert.Equal(3, File.ReadAllLines(model + ".log").Length);
    }

    [Fact]
    public void Train_with_calibration_data_stores_the_temperature_calibrate_fits_on_that_data()
    {
        var (fasta, _, _) = LabelledFiles.Write(directory);
        string heldOut = directory.Write("held-out.fasta", SyntheticProteins.Fasta(SyntheticProteins.Create(30, seed: 9, maxLength: 40)));
        string model = directory.Path("m.lsm"), refit = directory.Path("refit.lsm");

        var result = CliRunner.Run(["train", fasta, "--epochs", "2", "--calibration-data", heldOut, "-o", model, .. LabelledFiles.TinyNetwork]);

        Assert.True(result.Exit == ExitCodes.Success, result.Error);
        var calibration = ModelFile.ReadMetadata(model).Calibration ?? throw new Xunit.Sdk.XunitException("train fitted no temperature");
        Assert.Equal(heldOut, calibration.FittedOn);
        Assert.Equal(30, calibration.Proteins);
        Assert.NotEqual(1.0, calibration.Temperature);
        Assert.Contains($"temperature {calibration.Temperature.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)} fitted on 30 proteins", result.Error);
        // calibrate refits on the raw logits: on the same proteins it must find the same temperature.
        Assert.Equal(ExitCodes.Success, CliRunner.Run("calibrate", "-m", model, heldOut, "-o", refit, "--threads", "1").Exit);
        Assert.Equal(calibration.Temperature, ModelFile.ReadMetadata(refit).Calibration!.Temperature, 6);
    }

    [Fact]
    public void Missing_calibration_data_fails_before_any_training()
    {
        var (fasta, _, _) = LabelledFiles.Write(directory);
        string model = directory.Path("m.lsm");

        var result = CliRunner.Run(["train", fasta, "--epochs", "2", "--calibration-data", directory.Path("missing.fasta"), "-o", model, .. LabelledFiles.TinyNetwork]);

        Assert.Equal(ExitCodes.InvalidInput, result.Exit);
        Assert.Contains("missing.fasta", result.Error);
        Assert.False(File.Exists(model));
        Assert.False(File.Exists(model + ".checkpoint"));
        Assert.False(File.Exists(model + ".log"));
    }

    [Fact]
    public void A_partition_that_both_trains_and_validates_is_a_usage_error()
    {
        var (fasta, split, _) = LabelledFiles.Write(directory);

        var result = CliRunner.Run(["train", fasta, "--split", split, "--train-partitions", "fold1,fold2", "--validation-partition", "fold2",
            "-o", directory.Path("m.lsm"), .. LabelledFiles.TinyNetwork]);

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.Contains("fold2", result.Error);
    }

    [Fact]
    public void Flags_override_the_config_file_which_overrides_the_defaults()
    {
        var (fasta, _, _) = LabelledFiles.Write(directory);
        string config = directory.Write("config.json", """{ "hidden": 5, "epochs": 1, "dropout": 0.25 }""");
        string model = directory.Path("m.lsm");

        var result = CliRunner.Run(["train", fasta, "--config", config, "-o", model, .. LabelledFiles.TinyNetwork]);

        Assert.True(result.Exit == ExitCodes.Success, result.Error);
        var options = ModelFile.ReadMetadata(model).Members[0].Training!.Options;
        Assert.Equal(4, options.Hidden);           // flag over config
        Assert.Equal(1, options.Epochs);           // config over default
        Assert.Equal(0.25, options.Dropout);       // config over default
        Assert.Equal(400, options.AttentionSize);  // default
    }

    [Fact]
    public void An_unknown_field_in_the_config_file_is_an_error_naming_it()
    {
        var (fasta, _, _) = LabelledFiles.Write(directory);
        string config = directory.Write("config.json", """{ "hiden": 5 }""");

        var result = CliRunner.Run(["train", fasta, "--config", config, "-o", directory.Path("m.lsm")]);

        Assert.Equal(ExitCodes.InvalidInput, result.Exit);
        Assert.Contains("hiden", result.Error);
        Assert.Contains("config.json", result.Error);
    }

    [Fact]
    public void Cv_trains_a_model_per_fold_on_the_other_folds_and_summarises_them()
    {
        var (fasta, split, _) = LabelledFiles.Write(directory);
        string output = directory.Path("cv");

        var result = CliRunner.Run(["cv", fasta, "--split", split, "--epochs", "2", "-o", output, .. LabelledFiles.TinyNetwork]);

        Assert.True(result.Exit == ExitCodes.Success, result.Error);
        foreach (string fold in new[] { "fold1", "fold2", "fold3" })
        {
            var training = ModelFile.ReadMetadata(Path.Combine(output, fold + ".lsm")).Members[0].Training!;
            Assert.Equal(new[] { "fold1", "fold2", "fold3" }.Where(f => f != fold), training.TrainPartitions);
            Assert.Equal(fold, training.ValidationPartition);
            Assert.Equal(2, training.SelectedEpoch); // the held-out fold selects nothing: the last epoch is kept
        }
        var summary = JsonSerializer.Deserialize<CrossValidationSummary>(File.ReadAllText(Path.Combine(output, "cv.json")), ModelFile.Json)!;
        foreach (var fold in summary.Folds)
            Assert.Equal(fold.Accuracy, ModelFile.ReadMetadata(Path.Combine(output, fold.Fold + ".lsm")).Members[0].Training!.ValidationAccuracy);
        Assert.Equal(["fold1", "fold2", "fold3"], summary.Folds.Select(f => f.Fold));
        Assert.Equal(summary.Folds.Average(f => f.Accuracy), summary.MeanAccuracy, 12);
        Assert.Contains($"cross-validation accuracy {summary.MeanAccuracy:F4}", result.Out);

        // Every fold's model carries the temperature of the out-of-fold fit, the same one `calibrate --out-of-fold`
        // computes from the fold models.
        var calibration = summary.Calibration ?? throw new Xunit.Sdk.XunitException("cv fitted no temperature");
        Assert.All(new[] { "fold1", "fold2", "fold3" }, fold =>
            Assert.Equal(calibration, ModelFile.ReadMetadata(Path.Combine(output, fold + ".lsm")).Calibration));
        string ensemble = directory.Path("folds.lsm"), refit = directory.Path("refit.lsm");
        Assert.Equal(ExitCodes.Success, CliRunner.Run(["ensemble", .. new[] { "fold1", "fold2", "fold3" }.Select(f => Path.Combine(output, f + ".lsm")), "-o", ensemble]).Exit);
        var fit = CliRunner.Run("calibrate", "-m", ensemble, "--out-of-fold", ensemble, fasta, "--split", split, "-o", refit);
        Assert.True(fit.Exit == ExitCodes.Success, fit.Error);
        Assert.Equal(calibration.Temperature, ModelFile.ReadMetadata(refit).Calibration!.Temperature, 6);
        Assert.Contains($"temperature {calibration.Temperature.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)} fitted on {calibration.Proteins} out-of-fold proteins", result.Out);
    }

    [Fact]
    public void Cv_folds_run_in_separate_calls_are_gathered_by_a_resumed_call()
    {
        var (fasta, split, _) = LabelledFiles.Write(directory);
        string output = directory.Path("cv");
        string[] common = ["cv", fasta, "--split", split, "--epochs", "1", "-o", output, .. LabelledFiles.TinyNetwork];

        var first = CliRunner.Run([.. common, "--folds", "fold2"]);
        var rest = CliRunner.Run([.. common, "--resume"]);

        Assert.True(first.Exit == ExitCodes.Success, first.Error);
        Assert.Contains("over 1 of 3 folds", first.Out);
        Assert.True(rest.Exit == ExitCodes.Success, rest.Error);
        Assert.Contains("over 3 of 3 folds", rest.Out);
        Assert.DoesNotContain("cv fold2", rest.Error); // fold2 was done, not trained again
    }

    [Fact]
    public void Cv_refuses_a_fold_checkpoint_of_another_run_and_names_resume()
    {
        var (fasta, split, _) = LabelledFiles.Write(directory);
        string output = directory.Path("cv");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "fold1.lsm.checkpoint"), "another run's checkpoint");

        var result = CliRunner.Run(["cv", fasta, "--split", split, "--epochs", "1", "-o", output, .. LabelledFiles.TinyNetwork]);

        Assert.Equal(ExitCodes.InvalidInput, result.Exit);
        Assert.Contains("fold1.lsm.checkpoint already holds a checkpoint", result.Error);
        Assert.Contains("--resume continues it", result.Error);
    }
}
