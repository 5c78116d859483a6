using System.Xml.Linq;
using LocSharp.Cli.Infrastructure;
using LocSharp.Models;
using SkiaSharp;

namespace LocSharp.Tests.Cli;

/// <summary>The explain verbs end to end on tiny untrained models and a handful of proteins.</summary>
[Collection(TorchCollection.Name)]
public sealed class ExplainCommandTests : IDisposable
{
    readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    /// <summary>Six labelled proteins in MultiLoc layout, three with signals; E2 (70 residues) is cut to 50.</summary>
    string LabelledFolder()
    {
        string folder = directory.Path("data");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "ER.fasta"),
            $">E1 SP 5\n{TinyModels.Sequence(20)}\n>E2 SA 3 8\n{TinyModels.Sequence(70, 1)}\n");
        File.WriteAllText(Path.Combine(folder, "mitochondrial.fasta"),
            $">M1 mTP 10\n{TinyModels.Sequence(30, 2)}\n>M2\n{TinyModels.Sequence(12, 3)}\n");
        File.WriteAllText(Path.Combine(folder, "nuclear.fasta"),
            $">N1\n{TinyModels.Sequence(40, 4)}\n>N2\n{TinyModels.Sequence(8, 5)}\n");
        return folder;
    }

    const int LabelledPositions = 20 + 50 + 30 + 12 + 40 + 8;

    static void AssertFigure(string basePath)
    {
        Assert.Equal("svg", XDocument.Load(basePath + ".svg").Root!.Name.LocalName);
        using var bitmap = SKBitmap.Decode(basePath + ".png");
        Assert.NotNull(bitmap);
        Assert.True(bitmap.Width > 100 && bitmap.Height > 100);
    }

    static string[] Lines(string path) => File.ReadAllLines(path);

    [Fact]
    public void Attention_OnLabelledData_WritesTableHeatmapTracksAndSignalMeasure()
    {
        string model = TinyModels.Save(directory.Path("alstm.lsm"), Architecture.ALstm);
        string output = directory.Path("attention");

        var (code, stdout, stderr) = CliRunner.Run("explain", "attention", "-m", model, LabelledFolder(), "-o", output, "--max-tracks", "2", "--threads", "1");

        Assert.True(code == 0, stderr);
        string[] table = Lines(Path.Combine(output, "attention.tsv"));
        Assert.Equal("# model: alstm.lsm", table[0]);
        Assert.Equal("protein_id\tposition\tresidue\tweight", table[1]);
        Assert.Equal(2 + LabelledPositions, table.Length);
        Assert.Contains("E2\t70\t", table.Last(l => l.StartsWith("E2\t"))); // the cut protein ends at its own last residue
        AssertFigure(Path.Combine(output, "attention-heatmap"));
        Assert.Equal(["E1.png", "E1.svg", "E2.png", "E2.svg"], Directory.GetFiles(Path.Combine(output, "tracks")).Select(Path.GetFileName).Order());
        AssertFigure(Path.Combine(output, "tracks", "E2"));
        string[] signals = Lines(Path.Combine(output, "signal-attention.tsv"));
        Assert.Equal("signal_type\tn\tmean_attention_inside\tmean_uniform_expectation\tmean_enrichment\tmedian_enrichment", signals[0]);
        Assert.Equal(["SP", "SA", "mTP"], signals.Skip(1).Select(l => l.Split('\t')[0]));
        Assert.Equal(4, Lines(Path.Combine(output, "signal-attention-proteins.tsv")).Length);
        Assert.Contains("mTP", stdout);
        Assert.Contains("the first 2; --max-tracks", stderr);
    }

    [Fact]
    public void Attention_OnUnlabelledFasta_WritesNoHeatmapOrSignalTable()
    {
        string model = TinyModels.Save(directory.Path("alstm.lsm"), Architecture.ALstm);
        string fasta = directory.Write("proteins.fasta", $">P1 SP 5\n{TinyModels.Sequence(25)}\n>P2 some protein\n{TinyModels.Sequence(9, 1)}\n");
        string output = directory.Path("out");

        var (code, stdout, stderr) = CliRunner.Run("explain", "attention", "-m", model, fasta, "-o", output, "--threads", "1");

        Assert.True(code == 0, stderr);
        Assert.Equal(2 + 25 + 9, Lines(Path.Combine(output, "attention.tsv")).Length);
        Assert.False(File.Exists(Path.Combine(output, "attention-heatmap.svg")));
        Assert.False(File.Exists(Path.Combine(output, "signal-attention.tsv")));
        AssertFigure(Path.Combine(output, "tracks", "P2"));
        Assert.Equal("", stdout);
    }

    [Fact]
    public void Attention_WithAnRLstmModel_FailsWithAClearError()
    {
        string model = TinyModels.Save(directory.Path("rlstm.lsm"), Architecture.RLstm);
        string output = directory.Path("out");

        var (code, _, stderr) = CliRunner.Run("explain", "attention", "-m", model, LabelledFolder(), "-o", output);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("rlstm.lsm is an R-LSTM, which has no attention weights", stderr);
        Assert.Contains("A-LSTM", stderr);
        Assert.False(File.Exists(Path.Combine(output, "attention.tsv")));
    }

    [Fact]
    public void Attention_WithAnEnsemble_FailsWithAClearError()
    {
        string model = TinyModels.Save(directory.Path("ensemble.lsm"), Architecture.ALstm, networks: 2);

        var (code, _, stderr) = CliRunner.Run("explain", "attention", "-m", model, LabelledFolder(), "-o", directory.Path("out"));

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("ensemble.lsm is an ensemble of 2 networks", stderr);
    }

    [Fact]
    public void Attention_PartitionWithoutSplit_IsAUsageError()
    {
        string model = TinyModels.Save(directory.Path("alstm.lsm"), Architecture.ALstm);
        var (code, _, stderr) = CliRunner.Run("explain", "attention", "-m", model, LabelledFolder(), "-o", directory.Path("out"), "--partition", "test");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--partition needs a split", stderr);
    }

    [Fact]
    public void Filters_WritesALogoGridPerWidthAndEveryFilterAsAMemeMotif()
    {
        string model = TinyModels.Save(directory.Path("alstm.lsm"), Architecture.ALstm);
        string output = directory.Path("filters");

        var (code, _, stderr) = CliRunner.Run("explain", "filters", "-m", model, "-o", output, "--each");

        Assert.True(code == 0, stderr);
        AssertFigure(Path.Combine(output, "filters-w1"));
        AssertFigure(Path.Combine(output, "filters-w3"));
        string meme = File.ReadAllText(Path.Combine(output, "filters.meme"));
        Assert.StartsWith("MEME version 4", meme);
        Assert.Equal(["conv1_f1", "conv1_f2", "conv3_f1", "conv3_f2"],
            meme.Split('\n').Where(l => l.StartsWith("MOTIF ")).Select(l => l["MOTIF ".Length..]));
        AssertFigure(Path.Combine(output, "logos", "conv3_f2"));
    }

    [Fact]
    public void Embedding_OnLabelledData_WritesRepresentationsAndATsneMap()
    {
        string model = TinyModels.Save(directory.Path("rlstm.lsm"), Architecture.RLstm);
        string output = directory.Path("embedding");

        var (code, _, stderr) = CliRunner.Run("explain", "embedding", "-m", model, LabelledFolder(), "-o", output,
            "--perplexity", "1", "--iterations", "50", "--threads", "1");

        Assert.True(code == 0, stderr);
        string[] embedding = Lines(Path.Combine(output, "embedding.tsv"));
        Assert.Equal("protein_id\tlocation\tpredicted_location\tr1\tr2\tr3\tr4\tr5\tr6\tr7\tr8", embedding[0]);
        Assert.Equal(7, embedding.Length);
        Assert.StartsWith("E1\tER\t", embedding[1]);
        string[] map = Lines(Path.Combine(output, "tsne.tsv"));
        Assert.Equal("protein_id\tlocation\tpredicted_location\tx\ty", map[0]);
        Assert.Equal(["E1", "E2", "M1", "M2", "N1", "N2"], map.Skip(1).Select(l => l.Split('\t')[0]));
        AssertFigure(Path.Combine(output, "tsne"));
    }

    [Fact]
    public void Embedding_WithTooLargeAPerplexity_LowersItAndSaysSo()
    {
        string model = TinyModels.Save(directory.Path("alstm.lsm"), Architecture.ALstm);

        var (code, _, stderr) = CliRunner.Run("explain", "embedding", "-m", model, LabelledFolder(), "-o", directory.Path("out"), "--perplexity", "30");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("6 proteins allow at most perplexity 1.67; used that instead of --perplexity 30", stderr);
        Assert.Equal(7, File.ReadAllLines(directory.Path("out", "embedding.tsv")).Length);
    }
}
