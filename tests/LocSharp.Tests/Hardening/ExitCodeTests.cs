using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using LocSharp.Cli.Infrastructure;
using LocSharp.Models;
using LocSharp.Tests.Cli;
using LocSharp.Training;

namespace LocSharp.Tests.Hardening;

/// <summary>Issue 13: one exit-code mapping (defects 4, 6), options checked before work (9), the locale (5), the
/// checkpoint lock (15), errors naming their file (3, 16), suggestions (18), long IDs (14), small t-SNE inputs (7).</summary>
[Collection(TorchCollection.Name)]
public sealed class ExitCodeTests : TinyModelFiles
{

    [Fact]
    public void Exit_codes_follow_the_readme_one_mapping()
    {
        Assert.Equal(ExitCodes.InvalidInput, ErrorReporter.Classify(new LocSharp.Sequences.FastaFormatException("f", 1, null, "bad")).Code);
        Assert.Equal(ExitCodes.InvalidInput, ErrorReporter.Classify(new UnauthorizedAccessException("Access to the path '/x' is denied.")).Code);
        Assert.Equal(ExitCodes.InvalidInput, ErrorReporter.Classify(new OutputPathException("/x", "full")).Code);
        Assert.Equal(ExitCodes.Usage, ErrorReporter.Classify(new UsageException("--x")).Code);
        Assert.Equal(ExitCodes.Usage, ErrorReporter.Classify(new InvalidSettingException("rate")).Code);
        // An ArgumentException from inside the library is a bug, not a bad command line.
        Assert.Equal(ExitCodes.InternalError, ErrorReporter.Classify(new ArgumentException("internal")).Code);
        Assert.Equal(ExitCodes.InternalError, ErrorReporter.Classify(new InvalidOperationException("internal")).Code);
        Assert.Equal(ExitCodes.Cancelled, ErrorReporter.Classify(new OperationCanceledException()).Code);
    }

    [Fact]
    public void End_to_end_bad_input_is_1_and_a_bad_command_line_is_2()
    {
        Assert.Equal(ExitCodes.InvalidInput, CliRunner.Run("predict", directory.Write("bad.fa", "MKV\n"), "-m", model).Exit);
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("predict", fasta, "-m", model, "--no-such-option").Exit);
        // Two proteins are too few for a t-SNE map: bad input (1), not a bad command line.
        var embedding = CliRunner.Run("explain", "embedding", "-m", model, fasta, "-o", directory.Path("emb"));
        Assert.Equal(ExitCodes.InvalidInput, embedding.Exit);
        Assert.Contains("at least 3 proteins", embedding.Error);
    }

    [Theory]
    [InlineData(Posix.SIGINT, ExitCodes.Cancelled, "SIGINT")]
    [InlineData(Posix.SIGTERM, ExitCodes.Terminated, "SIGTERM")]
    public void A_signal_during_predict_exits_128_plus_it_and_leaves_no_temporary_file(int signal, int expected, string name)
    {
        string output = directory.Path("out", "locations.csv");
        Directory.CreateDirectory(directory.Path("out"));
        var big = new StringBuilder();
        for (int i = 0; i < 60_000; i++) big.Append($">P{i}\n{TinyModels.Sequence(50, i)}\n");
        string input = directory.Write("big.fasta", big.ToString());

        var error = new StringBuilder();
        Posix.RestoreDefaultInterrupt();
        using var process = Posix.StartCli(error, "predict", input, "-m", model, "-o", output, "--threads", "1");
        // The temporary file exists from the moment predicting starts.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (Directory.GetFiles(directory.Path("out"), ".*.tmp").Length == 0 && !process.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(20);
        Assert.False(process.HasExited, $"predict ended before the signal: {error}");
        Posix.Signal(process.Id, signal);
        Assert.True(process.WaitForExit(60_000), "the process did not stop");
        process.WaitForExit();

        Assert.Equal(expected, process.ExitCode);
        Assert.Contains($"cancelled ({name})", error.ToString());
        Assert.Empty(Directory.GetFiles(directory.Path("out")));
    }

    [Fact]
    public void Options_are_checked_before_any_work_and_name_the_option()
    {
        var (data, _, _) = LabelledFiles.Write(directory);
        string trained = directory.Path("m.lsm");

        var negative = CliRunner.Run("predict", fasta, "-m", model, "--threads", "-1");
        Assert.Equal(ExitCodes.Usage, negative.Exit);
        Assert.Contains("--threads", negative.Error);

        var nan = CliRunner.Run(["train", data, "-o", trained, .. LabelledFiles.TinyNetwork, "--learning-rate", "NaN"]);
        Assert.Equal(ExitCodes.Usage, nan.Exit);
        Assert.Contains("learning rate", nan.Error);

        var missingFolder = CliRunner.Run(["train", data, "-o", trained, "--checkpoint", directory.Path("nonexistent", "x"), .. LabelledFiles.TinyNetwork]);
        Assert.Equal(ExitCodes.InvalidInput, missingFolder.Exit);
        Assert.Contains("--checkpoint", missingFolder.Error);

        var folder = CliRunner.Run(["train", data, "-o", trained, "--checkpoint", directory.Root, .. LabelledFiles.TinyNetwork]);
        Assert.Equal(ExitCodes.InvalidInput, folder.Exit);
        Assert.Contains("--checkpoint", folder.Error);

        // None of them started training: no log was written.
        Assert.False(File.Exists(trained + ".log"));
    }

    [Fact]
    public void More_threads_than_cores_are_capped_with_a_note()
    {
        var result = CliRunner.Run("predict", fasta, "-m", model, "--threads", "1000");
        Assert.True(result.Exit == ExitCodes.Success, result.Error);
        Assert.Contains($"using {Environment.ProcessorCount}", result.Error);
    }

    [Fact]
    public void Numbers_print_with_a_point_under_a_german_locale()
    {
        var (data, split, _) = LabelledFiles.Write(directory);
        using var german = new GermanLocale();
        var cv = CliRunner.Run(["cv", data, "--split", split, "-o", directory.Path("cv"), "--epochs", "1", .. LabelledFiles.TinyNetwork]);
        Assert.True(cv.Exit == ExitCodes.Success, cv.Error);
        Assert.Matches(@"accuracy \d\.\d{4}", cv.Out);
        var predict = CliRunner.Run("predict", fasta, "-m", model, "--stats");
        Assert.Matches(@"in \d+\.\d\d s", predict.Error);
        foreach (string text in new[] { cv.Out, cv.Error, predict.Error })
            GermanLocale.AssertNoCommaNumbers("cv or predict", text);
        Assert.All(predict.Out.Split('\n').Skip(1).Where(l => l.Length > 0), row => Assert.Matches(@"^P\d,\w+,\d\.\d{4},false(,\d\.\d{4})+$", row));
        Assert.Equal("de-DE", CultureInfo.CurrentCulture.Name); // the caller's culture is restored
    }

    [Fact]
    public void A_second_run_on_a_locked_checkpoint_is_refused()
    {
        var (data, _, _) = LabelledFiles.Write(directory);
        string trained = directory.Path("m.lsm");
        using (CheckpointLock.Acquire(trained + ".checkpoint"))
        {
            var second = CliRunner.Run(["train", data, "-o", trained, "--epochs", "1", "--resume", .. LabelledFiles.TinyNetwork]);
            Assert.Equal(ExitCodes.InvalidInput, second.Exit);
            Assert.Contains("another training run is using this checkpoint", second.Error);
        }
        var after = CliRunner.Run(["train", data, "-o", trained, "--epochs", "1", "--resume", .. LabelledFiles.TinyNetwork]);
        Assert.True(after.Exit == ExitCodes.Success, after.Error);
        Assert.False(File.Exists(trained + ".checkpoint.lock"));
    }

    static void EditModelJson(string path, Action<JsonObject> edit)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry("model.json")!;
        JsonObject json;
        using (var reader = new StreamReader(entry.Open())) json = JsonNode.Parse(reader.ReadToEnd())!.AsObject();
        edit(json);
        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("model.json").Open());
        writer.Write(json.ToJsonString());
    }

    [Fact]
    public void A_model_with_another_encoding_is_refused_naming_the_file()
    {
        string edited = TinyModels.Save(directory.Path("edited.lsm"), Architecture.RLstm);
        EditModelJson(edited, json => json["encoding"] = "onehot-only");

        var error = Assert.Throws<ModelFileException>(() => ModelFile.Load(edited));
        Assert.Contains("onehot-only", error.Message);
        var result = CliRunner.Run("predict", fasta, "-m", edited);
        Assert.Equal(ExitCodes.InvalidInput, result.Exit);
        Assert.Contains(edited, result.Error);
    }

    [Fact]
    public void A_model_with_maximum_length_0_and_data_with_one_location_name_their_file()
    {
        string edited = TinyModels.Save(directory.Path("zero.lsm"), Architecture.RLstm);
        EditModelJson(edited, json => json["maxLength"] = 0);
        var model0 = CliRunner.Run("predict", fasta, "-m", edited);
        Assert.Equal(ExitCodes.InvalidInput, model0.Exit);
        Assert.Contains(edited, model0.Error);
        Assert.Contains("maximum length 0", model0.Error);

        string single = directory.Write("single.fasta", string.Concat(Enumerable.Range(0, 6).Select(i => $">S{i} Nucleus\n{TinyModels.Sequence(30, i)}\n")));
        var oneLocation = CliRunner.Run(["train", single, "-o", directory.Path("s.lsm"), "--epochs", "1", .. LabelledFiles.TinyNetwork]);
        Assert.Equal(ExitCodes.InvalidInput, oneLocation.Exit);
        Assert.Contains(single, oneLocation.Error);
        Assert.Contains("only one location", oneLocation.Error);
    }

    [Fact]
    public void Mistyped_options_and_verbs_get_the_nearest_name()
    {
        var option = CliRunner.Run("train", fasta, "-o", directory.Path("m.lsm"), "--epoch", "3");
        Assert.Equal(ExitCodes.Usage, option.Exit);
        Assert.Contains("Did you mean --epochs?", option.Error);

        var verb = CliRunner.Run("predcit", fasta);
        Assert.Equal(ExitCodes.Usage, verb.Exit);
        Assert.Contains("Did you mean predict?", verb.Error);

        Assert.DoesNotContain("Did you mean", CliRunner.Run("predict", fasta, "--zzzzzzzzzz").Error);
    }

    [Fact]
    public void Explain_names_figures_of_long_ids_safely_and_keeps_the_id_in_the_table()
    {
        string alstm = TinyModels.Save(directory.Path("a.lsm"), Architecture.ALstm, weightScale: 0.5);
        string longId = new('Q', 300), hugeId = "H" + new string('x', 200_000);
        string input = directory.Write("long.fa", $">{longId}\n{TinyModels.Sequence(30)}\n>{longId}B\n{TinyModels.Sequence(30, 1)}\n>{hugeId}\n{TinyModels.Sequence(20, 2)}\n");

        var result = CliRunner.Run("explain", "attention", "-m", alstm, input, "-o", directory.Path("att"));

        Assert.True(result.Exit == ExitCodes.Success, result.Error);
        var tracks = Directory.GetFiles(directory.Path("att", "tracks"), "*.png").Select(Path.GetFileName).ToList();
        Assert.Equal(3, tracks.Count);
        Assert.All(tracks, name => Assert.True(name!.Length <= 110, name));
        var ids = File.ReadLines(directory.Path("att", "attention.tsv")).Skip(2).Select(l => l.Split('\t')[0]).Distinct().ToList();
        Assert.Equal([longId, longId + "B", hugeId], ids);
    }

    [Fact]
    public void Explain_embedding_of_a_few_proteins_lowers_the_perplexity_and_says_so()
    {
        string input = directory.Write("few.fa", string.Concat(Enumerable.Range(0, 10).Select(i => $">F{i}\n{TinyModels.Sequence(30, i)}\n")));
        var result = CliRunner.Run("explain", "embedding", "-m", model, input, "-o", directory.Path("emb"), "--iterations", "50");

        Assert.True(result.Exit == ExitCodes.Success, result.Error);
        Assert.Contains("at most perplexity 3", result.Error);
        Assert.Equal(11, File.ReadAllLines(directory.Path("emb", "embedding.tsv")).Length);
        Assert.Equal(11, File.ReadAllLines(directory.Path("emb", "tsne.tsv")).Length);
    }
}
