using System.Globalization;
using System.Text;
using System.Xml.Linq;
using LocSharp.Cli.Infrastructure;
using LocSharp.Explain;
using LocSharp.Models;
using LocSharp.Profiles;
using SkiaSharp;

namespace LocSharp.Tests.Cli;

/// <summary>`locsharp explain residues` end to end on tiny untrained models.</summary>
[Collection(TorchCollection.Name)]
public sealed class ExplainResiduesCommandTests : IDisposable
{
    readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    /// <summary>Four labelled proteins in MultiLoc layout, two with signals; E2 (70 residues) is cut to 50.</summary>
    string LabelledFolder()
    {
        string folder = directory.Path("data");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "ER.fasta"), $">E1 SP 5\n{TinyModels.Sequence(20)}\n>E2 SA 3 8\n{TinyModels.Sequence(70, 1)}\n");
        File.WriteAllText(Path.Combine(folder, "nuclear.fasta"), $">N1\n{TinyModels.Sequence(40, 4)}\n>N2\n{TinyModels.Sequence(8, 5)}\n");
        return folder;
    }

    static string[][] Rows(string path) => [.. File.ReadAllLines(path).Skip(2).Select(l => l.Split('\t'))];

    static void AssertFigure(string basePath)
    {
        Assert.Equal("svg", XDocument.Load(basePath + ".svg").Root!.Name.LocalName);
        using var bitmap = SKBitmap.Decode(basePath + ".png");
        Assert.True(bitmap.Width > 100 && bitmap.Height > 100);
    }

    [Theory]
    [InlineData(Architecture.RLstm, 1)]
    [InlineData(Architecture.ALstm, 2)]
    public void Writes_attributions_whose_sums_match_the_probability_change_and_a_track_per_protein(Architecture architecture, int networks)
    {
        string model = TinyModels.Save(directory.Path("m.lsm"), architecture, networks: networks, weightScale: 1.0);
        string output = directory.Path("out");

        var result = CliRunner.Run("explain", "residues", "-m", model, LabelledFolder(), "-o", output, "--threads", "1", "--steps", "32");

        Assert.True(result.Exit == ExitCodes.Success, result.Error);
        string[] lines = File.ReadAllLines(Path.Combine(output, "residues.tsv"));
        Assert.Equal("# model: m.lsm", lines[0]);
        Assert.Equal("protein_id\tposition\tresidue\tattribution\tlocation", lines[1]);
        var rows = Rows(Path.Combine(output, "residues.tsv"));
        Assert.Equal(20 + 50 + 40 + 8, rows.Length);
        Assert.Equal("70", rows.Last(r => r[0] == "E2")[1]);
        var proteins = File.ReadAllLines(Path.Combine(output, "residue-proteins.tsv")).Skip(1).Select(l => l.Split('\t')).ToList();
        Assert.Equal(["E1", "E2", "N1", "N2"], proteins.Select(p => p[0]));
        foreach (var p in proteins)
        {
            double Number(int i) => double.Parse(p[i], CultureInfo.InvariantCulture);
            double sum = rows.Where(r => r[0] == p[0]).Sum(r => double.Parse(r[3], CultureInfo.InvariantCulture));
            Assert.Equal(Number(5), sum, 3);
            Assert.True(Math.Abs(Number(5) - (Number(3) - Number(4))) <= 0.02 * Math.Abs(Number(3) - Number(4)) + 1e-4, $"{p[0]}: completeness gap {p[6]}");
            Assert.Equal(p[1], p[2]); // the predicted location is explained by default
            Assert.Contains(p[7], new[] { "32", "64", "128", "256" }); // the steps used: --steps, doubled while the gap exceeds --tolerance
        }
        Assert.Equal(["E1.png", "E1.svg", "E2.png", "E2.svg", "N1.png", "N1.svg", "N2.png", "N2.svg"],
            Directory.GetFiles(Path.Combine(output, ResidueReport.TracksFolder)).Select(Path.GetFileName).Order());
        AssertFigure(Path.Combine(output, ResidueReport.TracksFolder, "E2"));
        Assert.Contains("m.lsm", File.ReadAllText(Path.Combine(output, ResidueReport.TracksFolder, "E1.svg")));
        Assert.Equal(["SP", "SA"], File.ReadAllLines(Path.Combine(output, "signal-attribution.tsv")).Skip(1).Select(l => l.Split('\t')[0]));
        Assert.Contains("SP", result.Out);
    }

    [Fact]
    public void Explains_the_chosen_location_and_refuses_an_unknown_one()
    {
        string model = TinyModels.Save(directory.Path("m.lsm"), Architecture.RLstm);
        string fasta = directory.Write("p.fasta", $">A\n{TinyModels.Sequence(15)}\n");

        var chosen = CliRunner.Run("explain", "residues", "-m", model, fasta, "-o", directory.Path("a"), "--class", "nuclear", "--steps", "4", "--max-tracks", "0");
        var unknown = CliRunner.Run("explain", "residues", "-m", model, fasta, "-o", directory.Path("b"), "--class", "Golgi");

        Assert.True(chosen.Exit == ExitCodes.Success, chosen.Error);
        Assert.All(Rows(directory.Path("a", "residues.tsv")), r => Assert.Equal("nuclear", r[4]));
        Assert.False(Directory.Exists(directory.Path("a", ResidueReport.TracksFolder)));
        Assert.Equal(ExitCodes.InvalidInput, unknown.Exit);
        Assert.Contains("'Golgi' is not a location", unknown.Error);
    }

    [Fact]
    public void A_profile_model_reads_its_profiles_and_needs_them()
    {
        TorchSharp.torch.random.manual_seed(3);
        var config = new ModelConfig(Architecture.RLstm, TinyModels.Locations.Length, InputFeatures: 80, ConvWidths: [1, 3], FiltersPerWidth: 2, Hidden: 4, Dense: 4);
        string model = directory.Path("profile.lsm");
        using (var trained = new TrainedModel([LocalizationNetwork.Create(config)], TinyModels.Locations, 50)) ModelFile.Save(trained, model);
        string sequence = TinyModels.Sequence(12);
        string fasta = directory.Write("p.fasta", $">A\n{sequence}\n");
        var profile = new StringBuilder(ProfileTsvReader.Header + "\n");
        for (int i = 0; i < sequence.Length; i++)
            profile.Append($"A\t{i + 1}\t{sequence[i]}\t{string.Join('\t', Enumerable.Range(0, 20).Select(k => (k * 3 + i) % 11 - 5))}\n");
        string profiles = directory.Write("p.profiles.tsv", profile.ToString());

        var without = CliRunner.Run("explain", "residues", "-m", model, fasta, "-o", directory.Path("a"));
        var with = CliRunner.Run("explain", "residues", "-m", model, fasta, "-o", directory.Path("b"), "--profiles", profiles, "--steps", "8");

        Assert.Equal(ExitCodes.InvalidInput, without.Exit);
        Assert.Contains("--profiles", without.Error);
        Assert.True(with.Exit == ExitCodes.Success, with.Error);
        Assert.Equal(12, Rows(directory.Path("b", "residues.tsv")).Length);
    }

    [Fact]
    public void Attention_and_attribution_written_into_one_folder_keep_their_own_tracks()
    {
        string model = TinyModels.Save(directory.Path("a.lsm"), Architecture.ALstm);
        string output = directory.Path("evidence");

        var residues = CliRunner.Run("explain", "residues", "-m", model, LabelledFolder(), "-o", output, "--steps", "4");
        string residueTrack = File.ReadAllText(Path.Combine(output, ResidueReport.TracksFolder, "E1.svg"));
        var attention = CliRunner.Run("explain", "attention", "-m", model, LabelledFolder(), "-o", output);

        Assert.True(residues.Exit == ExitCodes.Success, residues.Error);
        Assert.True(attention.Exit == ExitCodes.Success, attention.Error);
        Assert.NotEqual(ResidueReport.TracksFolder, AttentionReport.TracksFolder);
        Assert.Equal(residueTrack, File.ReadAllText(Path.Combine(output, ResidueReport.TracksFolder, "E1.svg")));
        AssertFigure(Path.Combine(output, AttentionReport.TracksFolder, "E1"));
    }
}
