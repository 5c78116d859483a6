using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using LocSharp.Cli.Infrastructure;
using LocSharp.Data;
using LocSharp.Models;
using LocSharp.Prediction;
using LocSharp.Sequences;

namespace LocSharp.Tests.Cli;

/// <summary>`locsharp predict`: the output contract, order, truncation flag, and bad and odd input.</summary>
[Collection(TorchCollection.Name)]
public sealed class PredictCommandTests : IDisposable
{
    readonly TempDirectory directory = new();
    readonly string model;

    public PredictCommandTests() => model = TinyModels.Save(directory.Path("tiny.lsm"), Architecture.RLstm, weightScale: 0.5);

    public void Dispose() => directory.Dispose();

    const string Proteins = ">first some description\nMKVLAAGIVGLLLAQ\n>second\nPKKKRKVEDPKKKRKV\n>third\nMSTNPKPQRKTKRNTNRRPQDVKFPGG\n";

    static string[][] Rows(string csv, char separator = ',') =>
        csv.TrimEnd('\n').Split('\n').Select(line => line.Split(separator)).ToArray();

    [Fact]
    public void Csv_has_the_documented_header_and_a_row_per_protein_in_input_order()
    {
        var result = CliRunner.Run("predict", directory.Write("in.fasta", Proteins), "-m", model);

        Assert.Equal(ExitCodes.Success, result.Exit);
        var rows = Rows(result.Out);
        Assert.Equal(["protein_id", "location", "confidence", "truncated", .. TinyModels.Locations], rows[0]);
        Assert.Equal(["first", "second", "third"], rows.Skip(1).Select(r => r[0]));
        foreach (var row in rows.Skip(1))
        {
            var probabilities = row.Skip(4).Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(1.0, probabilities.Sum(), 3);
            Assert.Equal(probabilities.Max(), double.Parse(row[2], CultureInfo.InvariantCulture));
            Assert.Equal(TinyModels.Locations[Array.IndexOf(probabilities, probabilities.Max())], row[1]);
            Assert.Equal("false", row[3]);
            Assert.All(row.Skip(2).Where((_, i) => i != 1), value => Assert.Matches(@"^\d\.\d{4}$", value));
        }
    }

    [Fact]
    public void Probabilities_match_the_model_run_on_each_protein_alone()
    {
        var result = CliRunner.Run("predict", directory.Write("in.fasta", Proteins), "-m", model, "--batch-size", "3");
        using var loaded = ModelFile.Load(model);
        var sequences = FastaReader.Read(directory.Path("in.fasta")).Select(r => r.Sequence).ToList();

        var rows = Rows(result.Out).Skip(1).ToArray();
        for (int i = 0; i < sequences.Count; i++)
        {
            float[] alone = Predictions.Probabilities(loaded, [sequences[i]])[0];
            Assert.Equal(alone.Select(p => Math.Round(p, 4)), rows[i].Skip(4).Select(p => double.Parse(p, CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public void Tsv_and_json_carry_the_same_fields()
    {
        string input = directory.Write("in.fasta", Proteins);
        var csv = Rows(CliRunner.Run("predict", input, "-m", model).Out);
        var tsv = Rows(CliRunner.Run("predict", input, "-m", model, "--format", "tsv").Out, '\t');
        Assert.Equal(csv, tsv);

        var json = CliRunner.Run("predict", input, "-m", model, "--format", "json");
        Assert.Equal(ExitCodes.Success, json.Exit);
        var array = JsonDocument.Parse(json.Out).RootElement.EnumerateArray().ToArray();
        Assert.Equal(3, array.Length);
        for (int i = 0; i < array.Length; i++)
        {
            var item = array[i];
            Assert.Equal(csv[i + 1][0], item.GetProperty("protein_id").GetString());
            Assert.Equal(csv[i + 1][1], item.GetProperty("location").GetString());
            Assert.Equal(double.Parse(csv[i + 1][2], CultureInfo.InvariantCulture), item.GetProperty("confidence").GetDouble());
            Assert.False(item.GetProperty("truncated").GetBoolean());
            Assert.Equal(TinyModels.Locations, item.GetProperty("probabilities").EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public void Output_file_format_follows_its_extension()
    {
        string output = directory.Path("out.tsv");
        var result = CliRunner.Run("predict", directory.Write("in.fasta", Proteins), "-m", model, "-o", output);

        Assert.Equal(ExitCodes.Success, result.Exit);
        Assert.Equal("", result.Out);
        Assert.StartsWith("protein_id\tlocation\tconfidence\ttruncated\t", File.ReadAllText(output));
    }

    [Fact]
    public void Truncated_says_whether_the_protein_was_cut_to_the_model_maximum()
    {
        string input = directory.Write("in.fasta", $">at_max\n{new string('L', 50)}\n>over_max\n{new string('L', 51)}\n>short\nMKV\n");
        var rows = Rows(CliRunner.Run("predict", input, "-m", model).Out);

        Assert.Equal(["false", "true", "false"], rows.Skip(1).Select(r => r[3]));
    }

    [Fact]
    public void Order_is_kept_across_chunks_and_batches_of_mixed_lengths()
    {
        using var loaded = ModelFile.Load(model);
        var random = new Random(5);
        var records = Enumerable.Range(0, 23).Select(i => new FastaRecord($"p{i}", "",
            new string(Enumerable.Range(0, random.Next(5, 120)).Select(_ => Residues.Standard[random.Next(20)]).ToArray()), i + 1)).ToList();

        var predictions = new PredictionPipeline(loaded, batchSize: 2, chunkProteins: 5).Predict(records).ToList();

        Assert.Equal(records.Select(r => r.Id), predictions.Select(p => p.Id));
        Assert.Equal(records.Select(r => r.Sequence.Length), predictions.Select(p => p.Length));
        var alone = Predictions.Probabilities(loaded, records.Select(r => r.Sequence).ToList());
        for (int i = 0; i < records.Count; i++) Assert.Equal(alone[i], predictions[i].Probabilities, (a, b) => Math.Abs(a - b) < 1e-5);
    }

    [Fact]
    public void Odd_but_valid_input_predicts()
    {
        string input = directory.Write("odd.fasta", string.Join("\r\n",
            ">lower", "mkvlaagivg", ">star", "MKVLAAGIVG*", ">ambiguous", "MXBZUOJKVL",
            ">thirteen", "MKVLAAGIVGLLL", ">huge", new string('L', 40_000), ">all_x", new string('X', 200), ""));
        var result = CliRunner.Run("predict", input, "-m", model);

        Assert.True(result.Exit == ExitCodes.Success, result.Error);
        var rows = Rows(result.Out).Skip(1).ToArray();
        Assert.Equal(["lower", "star", "ambiguous", "thirteen", "huge", "all_x"], rows.Select(r => r[0]));
        Assert.Equal(["false", "false", "false", "false", "true", "true"], rows.Select(r => r[3]));
        Assert.Equal(rows[0].Skip(4), rows[1].Skip(4));
    }

    [Fact]
    public void Standard_input_and_gzip_are_read()
    {
        var expected = CliRunner.Run("predict", directory.Write("in.fasta", Proteins), "-m", model).Out;

        Assert.Equal(expected, CliRunner.RunWithInput(System.Text.Encoding.ASCII.GetBytes(Proteins), "predict", "-", "-m", model).Out);

        string gzip = directory.Path("in.data");
        using (var file = File.Create(gzip))
        using (var compressed = new GZipStream(file, CompressionLevel.Fastest))
            compressed.Write(System.Text.Encoding.ASCII.GetBytes(Proteins));
        Assert.Equal(expected, CliRunner.Run("predict", gzip, "-m", model).Out);
    }

    [Fact]
    public void Invalid_input_names_record_and_line_exits_non_zero_and_creates_no_output_file()
    {
        string input = directory.Write("bad.fasta", ">ok\nMKVL\n>broken\nMKV\nLA3G\n");
        string output = directory.Path("out.csv");

        var result = CliRunner.Run("predict", input, "-m", model, "-o", output);

        Assert.Equal(ExitCodes.InvalidInput, result.Exit);
        Assert.Contains("line 5", result.Error);
        Assert.Contains("broken", result.Error);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(directory.Root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_failure_late_in_a_long_input_leaves_no_output_file()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 9000; i++) text.Append($">p{i}\nMKVLAAGIVG\n");
        text.Append(">late\nMKV-L\n");
        string output = directory.Path("out.csv");

        var result = CliRunner.Run("predict", directory.Write("late.fasta", text.ToString()), "-m", model, "-o", output);

        Assert.Equal(ExitCodes.InvalidInput, result.Exit);
        Assert.Contains("late", result.Error);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(directory.Root, "*.tmp"));
    }

    [Theory]
    [InlineData("missing.fasta", ExitCodes.InvalidInput, "does not exist")]
    [InlineData("empty.fasta", ExitCodes.InvalidInput, "the input is empty")]
    public void Missing_or_empty_input_is_a_clear_error(string name, int exit, string message)
    {
        if (name == "empty.fasta") directory.Write(name, "");
        var result = CliRunner.Run("predict", directory.Path(name), "-m", model);

        Assert.Equal(exit, result.Exit);
        Assert.Contains(message, result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void A_model_that_is_not_a_model_file_is_refused()
    {
        var result = CliRunner.Run("predict", directory.Write("in.fasta", Proteins), "-m", directory.Write("fake.lsm", "not a zip"));

        Assert.Equal(ExitCodes.InvalidInput, result.Exit);
        Assert.Contains("fake.lsm", result.Error);
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        var result = CliRunner.Run("predict", directory.Write("in.fasta", Proteins), "-m", model, "--format", "xml");

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.Contains("--format", result.Error);
    }
}
