using System.IO.Compression;
using System.Text.Json.Nodes;
using LocSharp.Encoding;
using LocSharp.Models;
using static LocSharp.Tests.Models.TinyNetworks;
using static TorchSharp.torch;

namespace LocSharp.Tests.Models;

[Collection(TorchCollection.Name)]
public sealed class ModelFileTests : IDisposable
{
    readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    static readonly TrainingSummary Summary = new("data/multiloc", "data/multiloc/split.tsv", ["fold1", "fold2"], "fold3",
        123, new TrainingOptions { Hidden = 3, Dense = 4, ConvWidths = [1, 3, 5], Epochs = 7, Seed = 9 }, 7, 5, 0.625, 42.5,
        new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));

    static TrainedModel Model(Architecture architecture = Architecture.ALstm, int seed = 31, string[]? locations = null, int maxLength = 800) =>
        new([Create(architecture, seed)], locations ?? Locations, maxLength, [Summary]);

    static string[] Proteins(int seed) { var random = new Random(seed); return [.. new[] { 12, 30, 5, 17 }.Select(n => Protein(random, n))]; }

    static double[] Probabilities(TrainedModel model, string[] proteins)
    {
        using var batch = Batch(proteins);
        using var probabilities = model.PredictProbabilities(batch);
        return Values(probabilities);
    }

    string Saved(TrainedModel? model = null, string name = "model.lsm")
    {
        string path = directory.Path(name);
        using var saved = model ?? Model();
        ModelFile.Save(saved, path);
        return path;
    }

    /// <summary>Rewrites the zip at <paramref name="path"/>, passing each entry's bytes through <paramref name="change"/>.</summary>
    static void Rewrite(string path, Func<string, byte[], byte[]> change)
    {
        var entries = new List<(string Name, byte[] Bytes)>();
        using (var zip = ZipFile.OpenRead(path))
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                entries.Add((entry.FullName, change(entry.FullName, memory.ToArray())));
            }
        File.Delete(path);
        using var output = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, bytes) in entries)
        {
            using var stream = output.CreateEntry(name).Open();
            stream.Write(bytes);
        }
    }

    static void RewriteMetadata(string path, Action<JsonObject> change) => Rewrite(path, (name, bytes) =>
    {
        if (name != "model.json") return bytes;
        var json = JsonNode.Parse(bytes)!.AsObject();
        change(json);
        return System.Text.Encoding.UTF8.GetBytes(json.ToJsonString());
    });

    static ModelFileException AssertRefused(string path, params string[] problem)
    {
        var error = Assert.Throws<ModelFileException>(() => ModelFile.Load(path).Dispose());
        Assert.Equal(path, error.Path);
        Assert.StartsWith(path + ": ", error.Message);
        foreach (string words in problem) Assert.Contains(words, error.Message);
        return error;
    }

    [Theory]
    [InlineData(Architecture.RLstm)]
    [InlineData(Architecture.ALstm)]
    public void A_saved_model_loads_with_the_same_predictions_to_float16_precision(Architecture architecture)
    {
        using var model = Model(architecture);
        string path = directory.Path("model.lsm");
        ModelFile.Save(model, path);
        using var loaded = ModelFile.Load(path);
        string[] proteins = Proteins(1);

        double[] before = Probabilities(model, proteins), after = Probabilities(loaded, proteins);
        AssertClose(before, after, 1e-2, "probabilities");
        Assert.NotEqual(before, after); // float16 did round something, so the comparison above means something

        // Every weight is the float16 rounding of the original.
        var original = model.Networks[0].state_dict();
        foreach (var (name, tensor) in loaded.Networks[0].state_dict())
        {
            double[] expected = Values(original[name]).Select(v => (double)(float)(Half)(float)v).ToArray();
            Assert.Equal(expected, Values(tensor));
        }
        Assert.False(loaded.Networks[0].training);
    }

    [Fact]
    public void Metadata_survives_a_round_trip()
    {
        string path = Saved(Model(Architecture.RLstm, maxLength: 777));

        var metadata = ModelFile.ReadMetadata(path);
        using var loaded = ModelFile.Load(path);

        Assert.Equal(ModelMetadata.CurrentFormatVersion, metadata.FormatVersion);
        Assert.Equal(Locations, metadata.Locations);
        Assert.Equal(Locations, loaded.Locations);
        Assert.Equal(777, metadata.MaxLength);
        Assert.Equal(777, loaded.MaxLength);
        Assert.Equal(ResidueEncoder.Name, loaded.Encoding);
        Assert.Equal(60, metadata.InputFeatures);

        var config = Assert.Single(metadata.Members).Config;
        var expected = Config(Architecture.RLstm);
        Assert.Equal(expected.ConvWidths, config.ConvWidths);
        Assert.Equal(expected, config with { ConvWidths = expected.ConvWidths });
        Assert.Equal(expected, loaded.Networks[0].Config with { ConvWidths = expected.ConvWidths });

        var training = Assert.Single(loaded.Training)!;
        Assert.Equal(Summary.TrainPartitions, training.TrainPartitions);
        Assert.Equal(Summary.Options, training.Options);
        Assert.Equal(Summary, training with { TrainPartitions = Summary.TrainPartitions });
    }

    [Fact]
    public void An_ensemble_predicts_the_mean_of_its_members_probabilities_and_survives_a_round_trip()
    {
        using var first = Model(Architecture.RLstm, seed: 41);
        using var second = Model(Architecture.ALstm, seed: 42);
        string[] proteins = Proteins(2);
        double[] a = Probabilities(first, proteins), b = Probabilities(second, proteins);

        var ensemble = TrainedModel.Ensemble([first, second]);   // shares the members' networks; disposed with them
        Assert.Equal(2, ensemble.Networks.Count);
        AssertClose(a.Zip(b, (x, y) => (x + y) / 2).ToArray(), Probabilities(ensemble, proteins), 1e-6, "ensemble probabilities");

        string path = directory.Path("ensemble.lsm");
        ModelFile.Save(ensemble, path);
        using var loaded = ModelFile.Load(path);
        Assert.Equal([Architecture.RLstm, Architecture.ALstm], loaded.Networks.Select(n => n.Config.Architecture));
        AssertClose(Probabilities(ensemble, proteins), Probabilities(loaded, proteins), 1e-2, "loaded ensemble");
    }

    [Fact]
    public void An_ensemble_of_models_with_other_locations_or_lengths_is_refused_naming_the_difference()
    {
        using var first = Model(seed: 1);
        using var reordered = Model(seed: 2, locations: ["cytoplasmic", "secreted", "nuclear"]);
        using var longer = Model(seed: 3, maxLength: 1000);

        var locations = Assert.Throws<ArgumentException>(() => TrainedModel.Ensemble([first, reordered]));
        Assert.Contains("same locations", locations.Message);
        Assert.Contains("[cytoplasmic, nuclear, secreted] vs [cytoplasmic, secreted, nuclear]", locations.Message);
        var lengths = Assert.Throws<ArgumentException>(() => TrainedModel.Ensemble([first, longer]));
        Assert.Contains("800 vs 1000", lengths.Message);
    }

    [Fact]
    public void A_missing_file_is_refused()
    {
        string path = directory.Path("absent.lsm");
        AssertRefused(path, "no such model file");
        Assert.Throws<ModelFileException>(() => ModelFile.ReadMetadata(path));
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_refused()
    {
        string path = directory.Write("model.lsm", ">P12345\nMKVLA\n");
        AssertRefused(path, "not a readable model file", "truncated or not a LocSharp model");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void A_truncated_file_is_refused(double keep)
    {
        string path = Saved();
        byte[] bytes = File.ReadAllBytes(path);
        int length = (int)(bytes.Length * keep);
        if (length == bytes.Length) length--;
        File.WriteAllBytes(path, bytes[..length]);
        AssertRefused(path, "not a readable model file");
    }

    [Fact]
    public void A_weights_entry_whose_bytes_changed_is_refused_by_its_SHA_256()
    {
        string path = Saved();
        Rewrite(path, (name, bytes) =>
        {
            if (name == "member-0.weights") bytes[^3] ^= 0x40;   // one value of the last tensor
            return bytes;
        });
        AssertRefused(path, "entry member-0.weights is corrupt", "SHA-256");
    }

    [Fact]
    public void A_flipped_byte_inside_the_compressed_weights_is_refused()
    {
        string path = Saved();
        long compressed;
        using (var zip = ZipFile.OpenRead(path)) compressed = zip.GetEntry("member-0.weights")!.CompressedLength;
        byte[] bytes = File.ReadAllBytes(path);
        // The entry's local header (30 bytes, then its name, then extra bytes) precedes its compressed data.
        byte[] name = System.Text.Encoding.ASCII.GetBytes("member-0.weights");
        int nameAt = bytes.AsSpan().IndexOf(name);
        int dataAt = nameAt + name.Length + BitConverter.ToUInt16(bytes, nameAt - 2);
        bytes[dataAt + (int)compressed / 2] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
        AssertRefused(path, "member-0.weights");
    }

    [Fact]
    public void A_missing_weights_entry_is_refused()
    {
        string path = Saved();
        string other = directory.Path("stripped.lsm");
        using (var source = ZipFile.OpenRead(path))
        using (var target = ZipFile.Open(other, ZipArchiveMode.Create))
        {
            using var from = source.GetEntry("model.json")!.Open();
            using var to = target.CreateEntry("model.json").Open();
            from.CopyTo(to);
        }
        AssertRefused(other, "entry member-0.weights is missing");
    }

    [Fact]
    public void Another_format_version_is_refused_saying_which_version_this_LocSharp_reads()
    {
        string path = Saved();
        RewriteMetadata(path, json => json["formatVersion"] = 2);
        AssertRefused(path, "format version 2", $"reads version {ModelMetadata.CurrentFormatVersion}");
        Assert.Throws<ModelFileException>(() => ModelFile.ReadMetadata(path));
    }

    [Theory]
    [InlineData("\"1\"")]
    [InlineData("1.5")]
    [InlineData("null")]
    public void A_format_version_that_is_not_a_whole_number_is_refused(string version)
    {
        string path = Saved();
        RewriteMetadata(path, json => json["formatVersion"] = JsonNode.Parse(version));
        AssertRefused(path, $"format version {version};", $"reads version {ModelMetadata.CurrentFormatVersion}");
    }

    [Fact]
    public void A_model_json_without_a_format_version_is_refused()
    {
        string path = Saved();
        RewriteMetadata(path, json => json.Remove("formatVersion"));
        AssertRefused(path, "format version missing");
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"locsharp-model\"")]
    [InlineData("{\"formatVersion\": 1}")]
    public void A_model_json_that_is_not_a_model_description_is_refused(string json)
    {
        string path = Saved();
        Rewrite(path, (name, bytes) => name == "model.json" ? System.Text.Encoding.UTF8.GetBytes(json) : bytes);
        AssertRefused(path, "does not describe a LocSharp model");
    }

    [Fact]
    public void A_model_json_that_is_not_JSON_is_refused()
    {
        string path = Saved();
        Rewrite(path, (name, bytes) => name == "model.json" ? bytes[..(bytes.Length / 2)] : bytes);
        AssertRefused(path, "model.json is malformed");
    }

    [Theory]
    [InlineData("\"some-other-tool\"")]
    [InlineData("3")]
    public void A_zip_whose_model_json_is_not_a_LocSharp_model_is_refused(string format)
    {
        string path = Saved();
        RewriteMetadata(path, json => json["format"] = JsonNode.Parse(format));
        AssertRefused(path, "does not describe a LocSharp model");
    }

    [Fact]
    public void Locations_that_do_not_match_the_networks_are_refused()
    {
        string path = Saved();
        RewriteMetadata(path, json => json["locations"] = new JsonArray("a", "b"));
        AssertRefused(path, "inconsistent");
    }
}
