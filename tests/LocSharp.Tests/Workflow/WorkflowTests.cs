using System.Text.Json;
using LocSharp.Cli.Infrastructure;
using LocSharp.Models;
using LocSharp.Tests.Cli;
using LocSharp.Sequences;
using Xunit.Abstractions;

namespace LocSharp.Tests.Workflow;

/// <summary>
/// The Snakemake workflow (<c>workflow/Snakefile</c>) run for real on small inputs: the merged table against one
/// direct `locsharp predict`, byte for byte; a rerun after losing a shard's output; a bad FASTA; profiles.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class WorkflowTests(ITestOutputHelper output) : IDisposable
{
    readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    /// <summary>Writes the workflow's settings as JSON (which Snakemake reads like YAML) and returns the file.</summary>
    string Config(object settings)
    {
        string path = directory.Path("config.json");
        File.WriteAllText(path, JsonSerializer.Serialize(settings));
        return path;
    }

    /// <summary>The first 300 MultiLoc proteins (198 ER, 102 Golgi; lengths 50 to 3,703).</summary>
    string MultiLoc300()
    {
        var records = Directory.GetFiles(SharedData.Path("data", "multiloc"), "*.fasta").Order(StringComparer.Ordinal)
            .SelectMany(FastaReader.Read).Take(300);
        return directory.Write("multiloc300.fasta", string.Concat(records.Select(r => $">{r.Id} {r.Description}\n{r.Sequence}\n")));
    }

    static void Succeeded(Snakemake.Result result) => Assert.True(result.Exit == 0, $"snakemake exited with {result.Exit}:\n{result.Both}");

    static int Count(string text, string word) => (text.Length - text.Replace(word, "").Length) / word.Length;

    [Fact]
    public void Sharded_run_is_byte_identical_to_one_predict_and_a_rerun_redoes_only_the_unfinished_shard()
    {
        if (!Snakemake.IsAvailable(output) || !SharedData.IsAvailable(output)) return;
        string input = MultiLoc300();
        string model = TinyModels.Save(directory.Path("tiny.lsm"), Architecture.RLstm, maxLength: 1000, weightScale: 0.5);
        string config = Config(new Dictionary<string, object>
        {
            ["inputs"] = new Dictionary<string, string> { ["multiloc"] = input },
            ["locsharp"] = Snakemake.LocSharp, ["model"] = model, ["shards"] = 3,
            ["output"] = directory.Path("results"), ["predict"] = new { threads = 1 },
        });
        var snakemake = new Snakemake(directory.Root);

        Succeeded(snakemake.Run(config));

        var direct = CliRunner.Run("predict", input, "-m", model, "-o", directory.Path("direct.csv"));
        Assert.True(direct.Exit == ExitCodes.Success, direct.Error);
        string merged = directory.Path("results", "multiloc.csv");
        Assert.Equal(File.ReadAllBytes(directory.Path("direct.csv")), File.ReadAllBytes(merged));
        string[] shards = Enumerable.Range(1, 3).Select(k => directory.Path("results", "multiloc", "shards", $"part-{k}.fasta")).ToArray();
        Assert.Equal(300, shards.Sum(s => FastaReader.Read(s).Count()));

        string[] parts = Enumerable.Range(1, 3).Select(k => directory.Path("results", "multiloc", "predictions", $"part-{k}.csv")).ToArray();
        var before = shards.Concat(parts).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        // What a kill while the second shard is predicted leaves: no table for it (predict writes atomically), no merge.
        File.Delete(parts[1]);
        File.Delete(merged);
        var rerun = snakemake.Run(config);

        Succeeded(rerun);
        Assert.Equal(1, Count(rerun.Both, "rule predict:"));
        Assert.Equal(1, Count(rerun.Both, "rule merge:"));
        Assert.True(File.Exists(parts[1]));
        foreach (string file in shards.Append(parts[0]).Append(parts[2])) Assert.Equal(before[file], File.GetLastWriteTimeUtc(file));
        Assert.Equal(File.ReadAllBytes(directory.Path("direct.csv")), File.ReadAllBytes(merged));
        Assert.Contains("Nothing to be done", snakemake.Run(config).Both);
    }

    [Fact]
    public void A_bad_fasta_stops_the_workflow_with_locsharps_own_message()
    {
        if (!Snakemake.IsAvailable(output)) return;
        string input = directory.Write("bad.fasta", ">a\nMKVLAAGIV\n>b\nMKV\nLL9\n>c\nMKV\n");
        string config = Config(new Dictionary<string, object>
        {
            ["inputs"] = new Dictionary<string, string> { ["bad"] = input },
            ["locsharp"] = Snakemake.LocSharp, ["shards"] = 2, ["output"] = directory.Path("results"),
        });

        var result = new Snakemake(directory.Root).Run(config);

        Assert.NotEqual(0, result.Exit);
        Assert.Contains($"locsharp: error: {input} line 5 (record b)", result.Both);
        Assert.False(File.Exists(directory.Path("results", "bad.csv")));
        Assert.False(Directory.Exists(directory.Path("results", "bad", "predictions")));
    }

    [Fact]
    public void Unknown_or_ill_typed_settings_are_refused()
    {
        if (!Snakemake.IsAvailable(output)) return;
        string input = directory.Write("in.fasta", ">a\nMKV\n");
        var snakemake = new Snakemake(directory.Root);

        var typo = snakemake.Run(Config(new Dictionary<string, object> { ["inputs"] = new Dictionary<string, string> { ["x"] = input }, ["shard"] = 3 }), "-n");
        Assert.NotEqual(0, typo.Exit);
        Assert.Contains("'shard' was unexpected", typo.Both);

        var format = snakemake.Run(Config(new Dictionary<string, object> { ["inputs"] = new Dictionary<string, string> { ["x"] = input }, ["format"] = "xlsx" }), "-n");
        Assert.NotEqual(0, format.Exit);
        Assert.Contains("'xlsx' is not one of ['csv', 'tsv', 'json']", format.Both);
    }

    /// <summary>A tiny untrained network that reads 80 features (60 + a profile).</summary>
    static string SaveProfileModel(string path)
    {
        TorchSharp.torch.random.manual_seed(11);
        var config = new ModelConfig(Architecture.RLstm, TinyModels.Locations.Length, InputFeatures: 80, ConvWidths: [1, 3], FiltersPerWidth: 2, Hidden: 4, Dense: 4);
        var network = LocalizationNetwork.Create(config);
        using (TorchSharp.torch.no_grad())
            foreach (var (_, parameter) in network.named_parameters()) TorchSharp.torch.nn.init.uniform_(parameter, -0.5, 0.5);
        using var model = new TrainedModel([network], TinyModels.Locations, 40);
        ModelFile.Save(model, path);
        return path;
    }

    /// <summary>Proteins and their profiles (scores from a seeded generator) in LocSharp's profile TSV.</summary>
    (string Fasta, string Profiles) ProteinsWithProfiles(int proteins)
    {
        var random = new Random(6);
        var sequences = Enumerable.Range(0, proteins).Select(i => TinyModels.Sequence(random.Next(10, 70), i)).ToList();
        var rows = new List<string> { LocSharp.Profiles.ProfileTsvReader.Header };
        for (int i = 0; i < proteins; i++)
            for (int p = 0; p < sequences[i].Length; p++)
                rows.Add($"q{i}\t{p + 1}\t{sequences[i][p]}\t" + string.Join('\t', Enumerable.Range(0, 20).Select(_ => random.Next(-9, 10))));
        return (directory.Write("proteins.fasta", string.Concat(sequences.Select((s, i) => $">q{i}\n{s}\n"))),
            directory.Write("proteins.profiles.tsv", string.Join('\n', rows) + "\n"));
    }

    [Fact]
    public void Precomputed_profiles_feed_a_profile_model_in_every_shard()
    {
        if (!Snakemake.IsAvailable(output)) return;
        var (input, profiles) = ProteinsWithProfiles(30);
        string model = SaveProfileModel(directory.Path("profile.lsm"));
        string config = Config(new Dictionary<string, object>
        {
            ["inputs"] = new Dictionary<string, string> { ["proteins"] = input },
            ["locsharp"] = Snakemake.LocSharp, ["model"] = model, ["shards"] = 3, ["format"] = "json",
            ["profiles"] = new[] { profiles }, ["output"] = directory.Path("results"), ["predict"] = new { threads = 1 },
        });

        Succeeded(new Snakemake(directory.Root).Run(config));

        var direct = CliRunner.Run("predict", input, "-m", model, "--profiles", profiles, "-o", directory.Path("direct.json"));
        Assert.True(direct.Exit == ExitCodes.Success, direct.Error);
        Assert.Equal(File.ReadAllBytes(directory.Path("direct.json")), File.ReadAllBytes(directory.Path("results", "proteins.json")));
    }

    [Fact]
    public void A_profile_database_adds_a_profile_job_per_shard_whose_output_predict_reads()
    {
        if (!Snakemake.IsAvailable(output)) return;
        string input = directory.Write("in.fasta", ">a\nMKV\n>b\nMKVL\n>c\nMKVLA\n");
        string config = Config(new Dictionary<string, object>
        {
            ["inputs"] = new Dictionary<string, string> { ["p"] = input }, ["locsharp"] = "locsharp", ["shards"] = 3,
            ["output"] = "out", ["profile"] = new { database = "db.fasta", tool = "psiblast", threads = 3 },
        });

        var plan = new Snakemake(directory.Root).Run(config, "--dry-run", "--printshellcmds", "--cores", "4");

        Succeeded(plan);
        for (int k = 1; k <= 3; k++)
        {
            Assert.Contains($"locsharp profile out/p/shards/part-{k}.fasta --db db.fasta -o out/p/profiles/part-{k}.tsv.gz --tool psiblast --threads 3 2> out/p/logs/profile-{k}.log", plan.Out);
            Assert.Contains($"locsharp predict out/p/shards/part-{k}.fasta  --profiles out/p/profiles/part-{k}.tsv.gz -o out/p/predictions/part-{k}.csv", plan.Out);
        }
        Assert.Equal(3, Count(plan.Out, "rule profile:"));
    }

    /// <summary>The whole path with `locsharp profile` (issue 10) and MMseqs2, when this build has both: profiles
    /// computed per shard against a tiny database give the table of one profile and one predict of the whole input.</summary>
    [Fact]
    public void Profiles_computed_per_shard_give_the_table_of_one_profile_and_predict()
    {
        if (!Snakemake.IsAvailable(output)) return;
        if (CliRunner.Run("profile", "--help").Exit != 0 || !File.Exists("/usr/bin/mmseqs"))
        {
            output.WriteLine("Skipped: this build has no `locsharp profile` verb, or MMseqs2 is not installed.");
            return;
        }
        var (input, _) = ProteinsWithProfiles(24);
        string database = directory.Write("db.fasta", File.ReadAllText(input));
        string model = SaveProfileModel(directory.Path("profile.lsm"));
        string config = Config(new Dictionary<string, object>
        {
            ["inputs"] = new Dictionary<string, string> { ["proteins"] = input },
            ["locsharp"] = Snakemake.LocSharp, ["model"] = model, ["shards"] = 3, ["output"] = directory.Path("results"),
            ["profile"] = new { database, threads = 1 }, ["predict"] = new { threads = 1 },
        });

        Succeeded(new Snakemake(directory.Root).Run(config, "--cores", "1"));

        var profile = CliRunner.Run("profile", input, "--db", database, "-o", directory.Path("whole.tsv.gz"), "--threads", "1");
        Assert.True(profile.Exit == ExitCodes.Success, profile.Error);
        var direct = CliRunner.Run("predict", input, "-m", model, "--profiles", directory.Path("whole.tsv.gz"), "-o", directory.Path("direct.csv"));
        Assert.True(direct.Exit == ExitCodes.Success, direct.Error);
        Assert.Equal(File.ReadAllBytes(directory.Path("direct.csv")), File.ReadAllBytes(directory.Path("results", "proteins.csv")));
    }
}
