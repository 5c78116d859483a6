using System.Text;
using System.Text.Json;
using LocSharp.Cli.Infrastructure;
using LocSharp.Data;
using LocSharp.Models;
using LocSharp.Profiles;
using LocSharp.Tests.Training;

namespace LocSharp.Tests.Cli;

/// <summary>
/// DeepLoc-layout data end to end: membrane flags (-M/-S/-U) train the membrane output, a separate validation file
/// picks the epoch (leaving out its dual-location proteins), profiles make 80-feature models, and predict/evaluate
/// show the membrane output.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class DeepLocTrainingTests : IDisposable
{
    readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    /// <summary>Synthetic proteins with flags: Extracellular soluble, Mitochondrion membrane-bound, Nucleus unknown;
    /// the validation file also holds one Cytoplasm-Nucleus protein.</summary>
    (string Train, string Validation, string Profiles) WriteData()
    {
        var train = SyntheticProteins.Create(36, seed: 5, maxLength: 30);
        var validation = SyntheticProteins.Create(12, seed: 6, maxLength: 30);
        string Flag(string location) => location switch { "Extracellular" => "S", "Mitochondrion" => "M", _ => "U" };
        string Fasta(LabelledSequences data, string extra) => string.Concat(Enumerable.Range(0, data.Count).Select(i =>
            $">{data.Ids[i]} {data.Locations[data.Labels[i]]}-{Flag(data.Locations[data.Labels[i]])}\n{data.Sequences[i]}\n")) + extra;
        string dual = TinyModels.Sequence(20, 3);
        var profiles = new StringBuilder(ProfileTsvReader.Header + "\n");
        void Add(string id, string sequence)
        {
            for (int p = 0; p < sequence.Length; p++)
                profiles.Append($"{id}\t{p + 1}\t{sequence[p]}\t{string.Join('\t', Enumerable.Range(0, 20).Select(j => (p + j) % 7 - 3))}\n");
        }
        foreach (var data in new[] { train, validation })
            for (int i = 0; i < data.Count; i++) Add(data.Ids[i], data.Sequences[i]);
        Add("DUAL1", dual);
        return (directory.Write("train.fasta", Fasta(train, "")),
                directory.Write("dev.fasta", Fasta(validation, $">DUAL1 Cytoplasm-Nucleus-U\n{dual}\n")),
                directory.Write("profiles.tsv", profiles.ToString()));
    }

    string[] Train(string train, string validation, string model, params string[] extra) =>
        ["train", train, "--validation-data", validation, "--epochs", "2", "-o", model, .. LabelledFiles.TinyNetwork, .. extra];

    [Fact]
    public void A_deeploc_layout_run_trains_the_membrane_output_and_predict_adds_its_column()
    {
        var (train, validation, _) = WriteData();
        string model = directory.Path("m.lsm");

        var trained = CliRunner.Run(Train(train, validation, model));
        Assert.True(trained.Exit == ExitCodes.Success, trained.Error);
        Assert.Contains("leaving out 1 proteins", trained.Error);
        Assert.Contains("Cytoplasm-Nucleus", trained.Error);
        Assert.True(ModelFile.ReadMetadata(model).Members[0].Config.Membrane);

        var csv = CliRunner.Run(["predict", train, "-m", model]);
        Assert.True(csv.Exit == ExitCodes.Success, csv.Error);
        string[] lines = csv.Out.TrimEnd('\n').Split('\n');
        Assert.Equal("protein_id,location,confidence,truncated,Extracellular,Mitochondrion,Nucleus,membrane", lines[0]);
        Assert.Equal(37, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.InRange(double.Parse(line.Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture), 0, 1));

        var json = CliRunner.Run(["predict", train, "-m", model, "--format", "json"]);
        using var document = JsonDocument.Parse(json.Out);
        Assert.All(document.RootElement.EnumerateArray(), p => Assert.InRange(p.GetProperty("membrane").GetDouble(), 0, 1));

        var evaluated = CliRunner.Run(["evaluate", "-m", model, validation, "--known-locations-only", "--json"]);
        Assert.True(evaluated.Exit == ExitCodes.Success, evaluated.Error);
        using var report = JsonDocument.Parse(evaluated.Out);
        var membrane = report.RootElement.GetProperty("membrane");
        Assert.True(membrane.GetProperty("proteins").GetInt64() > 0);
        Assert.Equal(12, report.RootElement.GetProperty("proteins").GetInt64());
    }

    [Fact]
    public void Evaluating_data_with_a_location_the_model_lacks_fails_unless_told_to_leave_it_out()
    {
        var (train, validation, _) = WriteData();
        string model = directory.Path("m.lsm");
        Assert.Equal(ExitCodes.Success, CliRunner.Run(Train(train, validation, model)).Exit);

        var refused = CliRunner.Run(["evaluate", "-m", model, validation]);

        Assert.Equal(ExitCodes.InvalidInput, refused.Exit);
        Assert.Contains("Cytoplasm-Nucleus", refused.Error);
    }

    [Fact]
    public void A_profile_model_trains_on_80_features_and_refuses_to_run_without_profiles()
    {
        var (train, validation, profiles) = WriteData();
        string model = directory.Path("p.lsm");

        var trained = CliRunner.Run(Train(train, validation, model, "--profiles", profiles));
        Assert.True(trained.Exit == ExitCodes.Success, trained.Error);
        Assert.Equal(80, ModelFile.ReadMetadata(model).InputFeatures);

        var predicted = CliRunner.Run(["predict", train, "-m", model, "--profiles", profiles]);
        Assert.True(predicted.Exit == ExitCodes.Success, predicted.Error);
        Assert.Equal(37, predicted.Out.TrimEnd('\n').Split('\n').Length);

        var without = CliRunner.Run(["predict", train, "-m", model]);
        Assert.Equal(ExitCodes.InvalidInput, without.Exit);
        Assert.Contains("--profiles", without.Error);
        Assert.Equal("", without.Out);
    }

    [Fact]
    public void A_model_without_profiles_warns_that_it_ignores_them()
    {
        var (train, validation, profiles) = WriteData();
        string model = directory.Path("m.lsm");
        Assert.Equal(ExitCodes.Success, CliRunner.Run(Train(train, validation, model)).Exit);

        var predicted = CliRunner.Run(["predict", train, "-m", model, "--profiles", profiles]);

        Assert.Equal(ExitCodes.Success, predicted.Exit);
        Assert.Contains("reads no profiles", predicted.Error);
    }

    [Fact]
    public void A_profile_that_does_not_fit_its_protein_is_an_error_naming_protein_and_file()
    {
        var (train, validation, profiles) = WriteData();
        var lines = File.ReadAllLines(profiles).ToList();
        var fields = lines[1].Split('\t');
        fields[2] = fields[2] == "W" ? "A" : "W";
        lines[1] = string.Join('\t', fields);
        File.WriteAllLines(profiles, lines);

        var result = CliRunner.Run(Train(train, validation, directory.Path("p.lsm"), "--profiles", profiles));

        Assert.Equal(ExitCodes.InvalidInput, result.Exit);
        Assert.Contains(fields[0], result.Error);
        Assert.Contains("profiles.tsv", result.Error);
        Assert.False(File.Exists(directory.Path("p.lsm")));
    }
}
