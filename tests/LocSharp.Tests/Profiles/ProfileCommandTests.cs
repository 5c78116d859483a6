using LocSharp.Encoding;
using LocSharp.Models;
using LocSharp.Profiles;
using LocSharp.Tests.Cli;
using Xunit.Abstractions;

namespace LocSharp.Tests.Profiles;

/// <summary>`locsharp profile`, and profiles computed on the fly with `predict --db`.</summary>
[Collection(TorchCollection.Name)]
public class ProfileCommandTests(ITestOutputHelper output)
{
    static string WriteQueries(TempDirectory dir, IEnumerable<LocSharp.Sequences.FastaRecord> queries) =>
        dir.Write("queries.fasta", string.Concat(queries.Select(q => $">{q.Id}\n{q.Sequence}\n")));

    [Fact]
    public void Profile_writes_the_profiles_and_their_recipe_and_a_second_run_computes_nothing()
    {
        if (!TinyDatabase.Installed("psiblast", output)) return;
        using var dir = new TempDirectory();
        var (database, queries) = TinyDatabase.Write(dir.Root);
        string input = WriteQueries(dir, queries), profiles = dir.Path("out.profiles.tsv.gz");
        string[] args = ["profile", input, "--db", database, "-o", profiles, "--tool", "psiblast", "--threads", "1", "--cache", dir.Path("cache"), "--db-name", "tiny test database"];

        var first = CliRunner.Run(args);
        Assert.True(first.Exit == 0, first.Error);
        Assert.Contains("5 proteins (4 sequences computed, 0 from the cache)", first.Error);
        var set = ProfileTsvReader.Read(profiles);
        foreach (var query in queries) Assert.Equal(query.Sequence.Length, set.For(query.Id, query.Sequence).Length);
        var recipe = ProfileRecipeFile.Read(ProfileRecipeFile.SidecarOf(profiles));
        Assert.Equal(("psiblast", "tiny test database", 36L, ResidueEncoder.ProfileScaling), (recipe.Tool, recipe.Database, recipe.DatabaseSequences!.Value, recipe.Scaling));
        Assert.Contains("-num_iterations 3 -evalue 0.001", recipe.Settings);

        var second = CliRunner.Run(args);
        Assert.True(second.Exit == 0, second.Error);
        Assert.Contains("5 proteins (0 sequences computed, 4 from the cache)", second.Error);
    }

    [Fact]
    public void Bad_command_lines_and_databases_give_their_exit_codes()
    {
        using var dir = new TempDirectory();
        var (_, queries) = TinyDatabase.Write(dir.Root);
        string input = WriteQueries(dir, queries);
        string dna = dir.Write("genes.fasta", ">g1\nACGTTGCAACGTAGCTAGCTAGGATCGATCGATTACG\n");

        Assert.Equal(2, CliRunner.Run("profile", input, "-o", dir.Path("p.tsv")).Exit);
        Assert.Equal(2, CliRunner.Run("profile", input, "--db", dna, "-o", dir.Path("p.tsv"), "--tool", "hmmer").Exit);
        var nucleotides = CliRunner.Run("profile", input, "--db", dna, "-o", dir.Path("p.tsv"), "--cache", dir.Path("cache"));
        Assert.Equal(1, nucleotides.Exit);
        Assert.Contains("looks like nucleotide sequences", nucleotides.Error);
        Assert.False(File.Exists(dir.Path("p.tsv")));
    }

    [Fact]
    public void Predict_computes_profiles_with_db_as_the_profile_step_does_and_refuses_to_run_without_any()
    {
        if (!TinyDatabase.Installed("psiblast", output)) return;
        using var dir = new TempDirectory();
        var (database, queries) = TinyDatabase.Write(dir.Root);
        string input = WriteQueries(dir, queries);
        string model = SaveProfileModel(dir.Path("profiles.lsm"));

        var without = CliRunner.Run("predict", input, "-m", model);
        Assert.Equal(1, without.Exit);
        Assert.Contains("--db DATABASE", without.Error);

        string? previous = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", dir.Path("xdg"));
        try
        {
            var computed = CliRunner.Run("predict", input, "-m", model, "--db", database, "--threads", "1");
            Assert.True(computed.Exit == 0, computed.Error);
            Assert.True(Directory.Exists(dir.Path("xdg", "locsharp", "profiles")));

            var step = CliRunner.Run("profile", input, "--db", database, "-o", dir.Path("p.tsv"), "--tool", "psiblast", "--cache", dir.Path("xdg", "locsharp"));
            Assert.Contains("0 sequences computed, 4 from the cache", step.Error); // predict --db ran the same step
            var given = CliRunner.Run("predict", input, "-m", model, "--profiles", dir.Path("p.tsv"));
            Assert.True(given.Exit == 0, given.Error);
            Assert.Equal(given.Out, computed.Out);
            Assert.Equal(queries.Count + 1, computed.Out.Trim().Split('\n').Length);
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", previous);
        }
    }

    [Fact]
    public async Task Serve_with_a_profile_database_answers_as_predict_with_db_does()
    {
        if (!TinyDatabase.Installed("psiblast", output)) return;
        using var dir = new TempDirectory();
        var (database, queries) = TinyDatabase.Write(dir.Root);
        string input = WriteQueries(dir, queries);
        string model = SaveProfileModel(dir.Path("profiles.lsm"));
        string? previous = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", dir.Path("xdg"));
        try
        {
            var direct = CliRunner.Run("predict", input, "-m", model, "--db", database, "--threads", "1");
            Assert.True(direct.Exit == 0, direct.Error);

            using var serve = new LocSharp.Tests.Web.ServeFactory(new LocSharp.Web.ServeOptions { ModelPaths = [model], ProfileDatabase = database });
            using var client = serve.CreateClient();
            var response = await client.PostAsync("/api/predict?format=csv", new StringContent(File.ReadAllText(input)));

            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(direct.Out, await response.Content.ReadAsStringAsync());
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", previous);
        }
    }

    /// <summary>A tiny untrained 80-feature model whose recipe says PSI-BLAST.</summary>
    static string SaveProfileModel(string path)
    {
        TorchSharp.torch.random.manual_seed(7);
        var config = new ModelConfig(Architecture.RLstm, TinyModels.Locations.Length, InputFeatures: ResidueEncoder.Features + ResidueEncoder.ProfileFeatures,
            ConvWidths: [1, 3], FiltersPerWidth: 2, Hidden: 4, Dense: 4, AttentionSize: 4);
        var recipe = new ProfileRecipe("psiblast", "test", "tiny.fasta", 36, ResidueEncoder.ProfileScaling);
        using var model = new TrainedModel([LocalizationNetwork.Create(config)], TinyModels.Locations, 200, profiles: recipe);
        ModelFile.Save(model, path);
        return path;
    }
}
