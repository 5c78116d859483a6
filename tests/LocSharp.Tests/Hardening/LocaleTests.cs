using LocSharp.Cli.Infrastructure;
using LocSharp.Models;
using LocSharp.Tests.Cli;

namespace LocSharp.Tests.Hardening;

/// <summary>Issue 13, defect 5: under a locale with a decimal comma every verb that prints or writes numbers
/// still uses a point (cv and predict are in <see cref="ExitCodeTests"/>).</summary>
[Collection(TorchCollection.Name)]
public sealed class LocaleTests : TempFolderTests
{
    static void AssertSucceeded(string verb, CliRunner.Result result) =>
        Assert.True(result.Exit == ExitCodes.Success, $"{verb}: exit {result.Exit}: {result.Error}");

    [Fact]
    public void Train_evaluate_and_calibrate_print_numbers_with_a_point_under_a_german_locale()
    {
        var (data, split, _) = LabelledFiles.Write(directory);
        string trained = directory.Path("m.lsm"), calibrated = directory.Path("calibrated.lsm");
        using var german = new GermanLocale();

        var train = CliRunner.Run(["train", data, "--split", split, "-o", trained, "--epochs", "1", "--seed", "3", .. LabelledFiles.TinyNetwork]);
        AssertSucceeded("train", train);
        Assert.Matches(@"epoch 1: loss \d+\.\d{4}, train accuracy \d\.\d{4}", train.Error);
        GermanLocale.AssertPointNumbers("train's standard error", train.Error);
        GermanLocale.AssertPointNumbers("train's log", File.ReadAllText(trained + ".log"));

        var evaluate = CliRunner.Run("evaluate", "-m", trained, data, "--split", split, "--partition", "test", "--threads", "1");
        AssertSucceeded("evaluate", evaluate);
        Assert.Matches(@"Accuracy +\d\.\d{3}", evaluate.Out);
        Assert.Matches(@"ECE +\d\.\d{3} .*Brier \d\.\d{3}, NLL \d+\.\d{3}", evaluate.Out);
        GermanLocale.AssertPointNumbers("evaluate's report", evaluate.Out);
        GermanLocale.AssertNoCommaNumbers("evaluate's standard error", evaluate.Error);

        // An untrained network's temperature ends at the search's bound, a whole number: calibrate a confident one.
        string confident = TinyModels.Save(directory.Path("confident.lsm"), Architecture.RLstm, weightScale: 1.0);
        string held = directory.Write("held-out.fasta", string.Concat(Enumerable.Range(0, 24).Select(i => $">Q{i} {TinyModels.Locations[i % 3]}\n{TinyModels.Sequence(30 + i, i)}\n")));
        var calibrate = CliRunner.Run("calibrate", "-m", confident, held, "-o", calibrated, "--threads", "1");
        AssertSucceeded("calibrate", calibrate);
        Assert.Matches(@"^temperature \d+\.\d+ fitted on 24 proteins .*: NLL \d+\.\d+ at 1, \d+\.\d+ at \d+\.\d+", calibrate.Out);
        GermanLocale.AssertPointNumbers("calibrate's fit", calibrate.Out);
        GermanLocale.AssertNoCommaNumbers("calibrate's standard error", calibrate.Error);

        // A calibrated model's temperature is said again when it is fitted anew.
        var again = CliRunner.Run("calibrate", "-m", calibrated, held, "-o", calibrated, "--threads", "1");
        AssertSucceeded("calibrate again", again);
        Assert.Matches(@"already carries temperature \d+\.\d+", again.Error);
        GermanLocale.AssertNoCommaNumbers("calibrate's standard error", again.Error);
    }

    /// <summary>Five labelled proteins in MultiLoc layout, three annotated with a sorting signal.</summary>
    string SignalFolder()
    {
        string folder = Directory.CreateDirectory(directory.Path("signals")).FullName;
        File.WriteAllText(Path.Combine(folder, "ER.fasta"), $">E1 SP 6\n{TinyModels.Sequence(24)}\n>E2 SA 4 12\n{TinyModels.Sequence(36, 1)}\n");
        File.WriteAllText(Path.Combine(folder, "mitochondrial.fasta"), $">M1 mTP 9\n{TinyModels.Sequence(28, 2)}\n");
        File.WriteAllText(Path.Combine(folder, "nuclear.fasta"), $">N1\n{TinyModels.Sequence(32, 3)}\n>N2\n{TinyModels.Sequence(18, 4)}\n");
        return folder;
    }

    [Fact]
    public void Explain_verbs_print_and_write_numbers_with_a_point_under_a_german_locale()
    {
        string input = SignalFolder();
        string rlstm = TinyModels.Save(directory.Path("r.lsm"), Architecture.RLstm, weightScale: 0.5);
        string alstm = TinyModels.Save(directory.Path("a.lsm"), Architecture.ALstm, weightScale: 0.5);
        using var german = new GermanLocale();

        string attention = directory.Path("attention");
        var attend = CliRunner.Run("explain", "attention", "-m", alstm, input, "-o", attention, "--max-tracks", "0", "--threads", "1");
        AssertSucceeded("explain attention", attend);
        Assert.Matches(@"SP +1 +\d\.\d{3} +\d\.\d{3} +\d+\.\d\d +\d+\.\d\d", attend.Out); // the signal table
        GermanLocale.AssertPointNumbers("explain attention's signal table", attend.Out);
        GermanLocale.AssertNoCommaNumbers("explain attention's standard error", attend.Error);
        GermanLocale.AssertPointNumbersInFiles(attention, "*.tsv");

        string residues = directory.Path("residues");
        var attribute = CliRunner.Run("explain", "residues", "-m", rlstm, input, "-o", residues, "--max-tracks", "0", "--steps", "4", "--max-steps", "8", "--threads", "1");
        AssertSucceeded("explain residues", attribute);
        Assert.Matches(@"SP +1 +\d\.\d{3} +\d\.\d{3} +\d+\.\d\d +\d+\.\d\d", attribute.Out);
        Assert.Matches(@"largest completeness gap \d\.\d", attribute.Error);
        GermanLocale.AssertPointNumbers("explain residues' signal table", attribute.Out);
        GermanLocale.AssertNoCommaNumbers("explain residues' standard error", attribute.Error);
        GermanLocale.AssertPointNumbersInFiles(residues, "*.tsv");

        string embedding = directory.Path("embedding");
        var embed = CliRunner.Run("explain", "embedding", "-m", rlstm, input, "-o", embedding, "--iterations", "50", "--threads", "1");
        AssertSucceeded("explain embedding", embed);
        GermanLocale.AssertNoCommaNumbers("explain embedding's standard error", embed.Error);
        GermanLocale.AssertPointNumbersInFiles(embedding, "*.tsv");

        string filters = directory.Path("filters");
        var draw = CliRunner.Run("explain", "filters", "-m", rlstm, "-o", filters);
        AssertSucceeded("explain filters", draw);
        GermanLocale.AssertNoCommaNumbers("explain filters' standard error", draw.Error);
        GermanLocale.AssertPointNumbersInFiles(filters, "*.meme");
    }
}
