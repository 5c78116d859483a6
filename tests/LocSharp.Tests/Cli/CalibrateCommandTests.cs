using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using LocSharp.Cli.Infrastructure;
using LocSharp.Models;
using SkiaSharp;

namespace LocSharp.Tests.Cli;

/// <summary>`locsharp calibrate`, and calibrated output in `predict` and `evaluate`.</summary>
[Collection(TorchCollection.Name)]
public sealed class CalibrateCommandTests : IDisposable
{
    readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    string Trained(string fasta)
    {
        string model = directory.Path("m.lsm");
        var result = CliRunner.Run(["train", fasta, "--epochs", "3", "--seed", "1", "-o", model, .. LabelledFiles.TinyNetwork]);
        Assert.True(result.Exit == ExitCodes.Success, result.Error);
        return model;
    }

    static JsonElement Calibration(CliRunner.Result evaluation)
    {
        Assert.True(evaluation.Exit == ExitCodes.Success, evaluation.Error);
        return JsonDocument.Parse(evaluation.Out).RootElement.GetProperty("calibration");
    }

    [Fact]
    public void Out_of_fold_calibration_needs_the_split_and_networks_that_record_their_partitions()
    {
        var (fasta, split, _) = LabelledFiles.Write(directory);
        string model = Trained(fasta), output = directory.Path("oof.lsm");

        var noSplit = CliRunner.Run("calibrate", "-m", model, "--out-of-fold", model, fasta, "-o", output);
        Assert.Equal(ExitCodes.Usage, noSplit.Exit);
        Assert.Contains("--out-of-fold needs the cross-validation's --split", noSplit.Error);

        var unrecorded = CliRunner.Run("calibrate", "-m", model, "--out-of-fold", model, fasta, "--split", split, "-o", output);
        Assert.Equal(ExitCodes.InvalidInput, unrecorded.Exit);
        Assert.Contains("records no training partitions", unrecorded.Error);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Calibrate_stores_a_temperature_that_lowers_the_nll_on_its_data_and_predict_and_evaluate_use_it()
    {
        var (fasta, split, _) = LabelledFiles.Write(directory);
        string model = Trained(fasta), calibrated = directory.Path("calibrated.lsm");

        var fit = CliRunner.Run("calibrate", "-m", model, fasta, "--split", split, "--partition", "fold1,fold2", "-o", calibrated, "--threads", "1");

        Assert.True(fit.Exit == ExitCodes.Success, fit.Error);
        var stored = ModelFile.ReadMetadata(calibrated).Calibration!;
        Assert.Equal(24, stored.Proteins);
        Assert.Contains("fold1, fold2", stored.FittedOn);
        Assert.Contains($"temperature {stored.Temperature.ToString("0.####", CultureInfo.InvariantCulture)}", fit.Out);
        Assert.True(stored.NllAfter <= stored.NllBefore);

        string[] onFit = ["--split", split, "--partition", "fold1,fold2", "--json"];
        var before = Calibration(CliRunner.Run(["evaluate", "-m", model, fasta, .. onFit]));
        var after = Calibration(CliRunner.Run(["evaluate", "-m", calibrated, fasta, .. onFit]));
        var raw = Calibration(CliRunner.Run(["evaluate", "-m", calibrated, fasta, "--uncalibrated", .. onFit]));
        Assert.Equal(stored.NllBefore, before.GetProperty("nll").GetDouble(), 4);
        Assert.Equal(stored.NllAfter, after.GetProperty("nll").GetDouble(), 4);
        Assert.Equal(before.GetProperty("nll").GetDouble(), raw.GetProperty("nll").GetDouble(), 6);

        string Confidences(params string[] extra) => CliRunner.Run(["predict", fasta, "-m", calibrated, .. extra]).Out;
        Assert.NotEqual(Confidences(), Confidences("--uncalibrated"));
        Assert.Equal(CliRunner.Run("predict", fasta, "-m", model).Out, Confidences("--uncalibrated"));
    }

    [Fact]
    public void Evaluate_draws_the_reliability_diagram_when_asked()
    {
        var (fasta, _, _) = LabelledFiles.Write(directory);
        string model = Trained(fasta), figures = directory.Path("figures");

        var result = CliRunner.Run("evaluate", "-m", model, fasta, "--figures", figures);

        Assert.True(result.Exit == ExitCodes.Success, result.Error);
        Assert.Contains("ECE", result.Out);
        Assert.Equal("svg", XDocument.Load(Path.Combine(figures, "reliability.svg")).Root!.Name.LocalName);
        using var bitmap = SKBitmap.Decode(Path.Combine(figures, "reliability.png"));
        Assert.True(bitmap.Width > 100 && bitmap.Height > 100);
    }

    [Fact]
    public void Calibrate_without_an_output_is_a_usage_error_and_bad_data_writes_nothing()
    {
        var (fasta, _, _) = LabelledFiles.Write(directory);
        string model = TinyModels.Save(directory.Path("tiny.lsm"), Architecture.RLstm);
        string output = directory.Path("out.lsm");

        var usage = CliRunner.Run("calibrate", "-m", model, fasta);
        var wrong = CliRunner.Run("calibrate", "-m", model, fasta, "-o", output);

        Assert.Equal(ExitCodes.Usage, usage.Exit);
        Assert.Equal(ExitCodes.InvalidInput, wrong.Exit); // the tiny model's locations are not the data's
        Assert.Contains("--mapping", wrong.Error);
        Assert.False(File.Exists(output));
    }
}
