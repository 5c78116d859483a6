using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocSharp.Cli.Infrastructure;
using LocSharp.Models;

namespace LocSharp.Tests.Cli;

/// <summary>What a fresh clone gives a user: the README's main command, and models trained on training data only.</summary>
[Collection(TorchCollection.Name)]
public sealed class ShippedModelTests
{
    /// <summary>The proteins of examples/proteins.fasta, in file order.</summary>
    static readonly string[] ExampleIds = ["P01308", "P62805", "P04179", "P42212"];

    [Fact]
    public void The_readme_main_command_predicts_the_example_proteins_with_the_default_model()
    {
        var result = CliRunner.Run("predict", Repository.Path("examples", "proteins.fasta"));

        Assert.True(result.Exit == ExitCodes.Success, result.Error);
        var rows = result.Out.TrimEnd('\n').Split('\n').Select(line => line.Split(',')).ToArray();
        Assert.Equal(["protein_id", "location", "confidence", "truncated", .. SharedData.DeepLocLocations, "membrane"], rows[0]);
        Assert.Equal(ExampleIds, rows.Skip(1).Select(r => r[0]));
        Assert.Equal("Extracellular", rows[1][1]); // insulin, the one secreted protein of the examples
    }

    [Fact]
    public void The_default_model_is_the_deeploc_model_and_carries_a_temperature_fitted_on_dev()
    {
        Assert.Equal("deeploc.lsm", ShippedModels.DefaultFileName);
        var metadata = ModelFile.ReadMetadata(Repository.Path("models", ShippedModels.DefaultFileName));
        Assert.Equal(SharedData.DeepLocLocations, metadata.Locations);
        var calibration = metadata.Calibration ?? throw new Xunit.Sdk.XunitException("the default model carries no temperature");
        Assert.StartsWith("deeploc_dev", calibration.FittedOn);
    }

    [Fact]
    public void The_readme_attention_command_draws_the_attention_of_the_default_models_a_lstm()
    {
        using var directory = new TempDirectory();
        string output = directory.Path("evidence");

        var result = CliRunner.Run("explain", "attention", Repository.Path("examples", "proteins.fasta"), "-o", output);

        Assert.True(result.Exit == ExitCodes.Success, result.Error);
        Assert.Equal($"# model: {ShippedModels.DefaultFileName}'s A-LSTM (network 2 of 2)", File.ReadLines(System.IO.Path.Combine(output, "attention.tsv")).First());
        foreach (string id in ExampleIds)
            Assert.True(File.Exists(System.IO.Path.Combine(output, "tracks", id + ".png")), $"no track for {id}");
        var weights = File.ReadLines(System.IO.Path.Combine(output, "attention.tsv")).Skip(2)
            .Select(line => line.Split('\t')).GroupBy(f => f[0], f => double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(weights, protein => Assert.Equal(1.0, protein.Sum(), 3));
    }

    [Fact]
    public void Explain_residues_without_a_model_explains_the_default_model_that_predict_uses()
    {
        using var directory = new TempDirectory();
        string output = directory.Path("evidence");

        var result = CliRunner.Run("explain", "residues", Repository.Path("examples", "proteins.fasta"), "-o", output,
            "--max-proteins", "1", "--steps", "4", "--max-steps", "4", "--max-tracks", "0");

        Assert.True(result.Exit == ExitCodes.Success, result.Error);
        Assert.Equal($"# model: {ShippedModels.DefaultFileName}", File.ReadLines(System.IO.Path.Combine(output, "residues.tsv")).First());
        var predicted = CliRunner.Run("predict", Repository.Path("examples", "proteins.fasta")).Out.Split('\n')[1].Split(',')[1];
        var explained = File.ReadLines(System.IO.Path.Combine(output, "residue-proteins.tsv")).Skip(1).First().Split('\t');
        Assert.Equal((ExampleIds[0], predicted), (explained[0], explained[1])); // the location predict calls is the one explained
    }

    [Fact]
    public void Explain_embedding_of_the_default_model_maps_its_two_networks_representations_joined()
    {
        using var directory = new TempDirectory();
        string output = directory.Path("embedding");

        var result = CliRunner.Run("explain", "embedding", Repository.Path("examples", "proteins.fasta"), "-o", output, "--iterations", "50");

        Assert.True(result.Exit == ExitCodes.Success, result.Error);
        var metadata = ModelFile.ReadMetadata(Repository.Path("models", ShippedModels.DefaultFileName));
        int hidden = metadata.Members.Sum(m => m.Config.RepresentationSize);
        Assert.Equal(3 + hidden, File.ReadLines(System.IO.Path.Combine(output, "embedding.tsv")).First().Split('\t').Length);
        Assert.Contains($"t-SNE of {ShippedModels.DefaultFileName}'s learned representations", File.ReadAllText(System.IO.Path.Combine(output, "tsne.svg")));
    }

    [Fact]
    public void The_default_model_is_copied_beside_the_program()
    {
        Assert.True(File.Exists(ShippedModels.DefaultPath), $"{ShippedModels.DefaultPath} is missing");
        Assert.True(File.Exists(Repository.Path("models", ShippedModels.DefaultFileName)));
    }

    /// <summary>
    /// MultiLoc models trained on the training folds of split.tsv, never on `test`; DeepLoc models on
    /// deeploc_train.fasta, with deeploc_dev.fasta (and nothing else) choosing the epoch.
    /// </summary>
    [Fact]
    public void Every_shipped_model_was_trained_on_training_data_only()
    {
        var files = Directory.GetFiles(Repository.Path("models"), "*.lsm");
        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            var metadata = ModelFile.ReadMetadata(file);
            bool deeploc = System.IO.Path.GetFileName(file).StartsWith("deeploc", StringComparison.Ordinal);
            Assert.Equal(deeploc ? SharedData.DeepLocLocations : SharedData.MultiLocLocations, metadata.Locations);
            foreach (var member in metadata.Members)
            {
                var training = member.Training ?? throw new Xunit.Sdk.XunitException($"{file}: a network has no training record");
                if (deeploc)
                {
                    Assert.Equal("deeploc_train.fasta", System.IO.Path.GetFileName(training.Data));
                    Assert.Empty(training.TrainPartitions);
                    Assert.Equal("deeploc_dev.fasta", System.IO.Path.GetFileName(training.ValidationPartition));
                    continue;
                }
                Assert.NotEmpty(training.TrainPartitions);
                Assert.All(training.TrainPartitions, p => Assert.Matches("^fold[1-5]$", p));
                Assert.NotEqual("test", training.ValidationPartition);
            }
        }
    }

    /// <summary>The records a model file stores (<see cref="ModelMetadata"/> down to each member's training record)
    /// read every shipped model.json and write back each of its fields unchanged (files of older versions lack
    /// some later fields, which come back with their defaults), so moving or renaming the records changes no file.</summary>
    [Fact]
    public void Every_shipped_model_description_writes_back_every_stored_field_unchanged()
    {
        var files = Directory.GetFiles(Repository.Path("models"), "*.lsm");
        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            JsonNode stored;
            using (var zip = ZipFile.OpenRead(file))
            using (var entry = zip.GetEntry("model.json")!.Open())
                stored = JsonNode.Parse(entry)!;
            var rewritten = JsonSerializer.SerializeToNode(ModelFile.ReadMetadata(file), ModelFile.Json)!;
            AssertKeeps(stored, rewritten, System.IO.Path.GetFileName(file));
        }
    }

    static void AssertKeeps(JsonNode? stored, JsonNode? rewritten, string where)
    {
        switch (stored)
        {
            case JsonObject fields:
                var rewrittenFields = Assert.IsType<JsonObject>(rewritten);
                foreach (var (name, value) in fields)
                {
                    Assert.True(rewrittenFields.ContainsKey(name), $"{where}: {name} is not written back");
                    AssertKeeps(value, rewrittenFields[name], $"{where}.{name}");
                }
                break;
            case JsonArray items:
                var rewrittenItems = Assert.IsType<JsonArray>(rewritten);
                Assert.True(items.Count == rewrittenItems.Count, $"{where}: {items.Count} items written back as {rewrittenItems.Count}");
                for (int i = 0; i < items.Count; i++) AssertKeeps(items[i], rewrittenItems[i], $"{where}[{i}]");
                break;
            default:
                Assert.True(JsonNode.DeepEquals(stored, rewritten), $"{where}: {stored?.ToJsonString()} written back as {rewritten?.ToJsonString()}");
                break;
        }
    }
}
