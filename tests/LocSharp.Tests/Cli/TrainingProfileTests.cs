using System.Text;
using LocSharp.Cli.Infrastructure;
using LocSharp.Data;
using LocSharp.Models;
using LocSharp.Profiles;
using LocSharp.Tests.Profiles;
using LocSharp.Tests.Training;
using Xunit.Abstractions;

namespace LocSharp.Tests.Cli;

/// <summary>`train` and `cv` with profiles: precomputed (--profiles) or made on the fly by the profile step (--db).</summary>
[Collection(TorchCollection.Name)]
public sealed class TrainingProfileTests(ITestOutputHelper output) : IDisposable
{
    readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    /// <summary>A profile TSV for every protein of <paramref name="data"/>, and a recipe beside it.</summary>
    string WriteProfiles(LabelledSequences data)
    {
        var profiles = new StringBuilder(ProfileTsvReader.Header + "\n");
        for (int i = 0; i < data.Count; i++)
            for (int p = 0; p < data.Sequences[i].Length; p++)
                profiles.Append($"{data.Ids[i]}\t{p + 1}\t{data.Sequences[i][p]}\t{string.Join('\t', Enumerable.Range(0, 20).Select(j => (p * 3 + j + i) % 9 - 4))}\n");
        string path = directory.Write("profiles.tsv", profiles.ToString());
        ProfileRecipeFile.Write(new ProfileRecipe("mmseqs", "hand-written", "none", 0, "logistic"), ProfileRecipeFile.SidecarOf(path));
        return path;
    }

    [Fact]
    public void Cv_with_profiles_trains_80_feature_folds_and_fits_their_temperature_on_the_profiles()
    {
        var (fasta, split, data) = LabelledFiles.Write(directory);
        string profiles = WriteProfiles(data);
        string cv = directory.Path("cv");

        var result = CliRunner.Run(["cv", fasta, "--split", split, "--epochs", "1", "-o", cv, "--profiles", profiles, .. LabelledFiles.TinyNetwork]);

        Assert.True(result.Exit == ExitCodes.Success, result.Error);
        foreach (string fold in new[] { "fold1", "fold2", "fold3" })
        {
            var metadata = ModelFile.ReadMetadata(Path.Combine(cv, fold + ".lsm"));
            Assert.Equal(80, metadata.InputFeatures);
            Assert.Equal("hand-written", metadata.Profiles?.Settings);
            Assert.NotNull(metadata.Calibration);
        }
    }

    [Fact]
    public void Cv_without_a_protein_s_profile_names_the_protein_before_training()
    {
        var (fasta, split, data) = LabelledFiles.Write(directory);
        string profiles = WriteProfiles(data);
        File.WriteAllLines(profiles, File.ReadAllLines(profiles).Where(line => !line.StartsWith(data.Ids[1] + "\t", StringComparison.Ordinal)));

        var result = CliRunner.Run(["cv", fasta, "--split", split, "--epochs", "1", "-o", directory.Path("cv"), "--profiles", profiles, .. LabelledFiles.TinyNetwork]);

        Assert.Equal(ExitCodes.InvalidInput, result.Exit);
        Assert.Contains(data.Ids[1], result.Error);
        Assert.False(File.Exists(Path.Combine(directory.Path("cv"), "fold1.lsm")));
    }

    [Fact]
    public void Train_with_db_makes_the_profiles_with_the_profile_step_and_records_its_recipe()
    {
        if (!TinyDatabase.Installed("mmseqs", output)) return;
        var (fasta, split, data) = LabelledFiles.Write(directory, count: 24);
        string database = directory.Write("db.fasta", SyntheticProteins.Fasta(data)); // every protein finds itself
        string model = directory.Path("m.lsm");
        string cache = directory.Path("cache");
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", cache); // the profile step's cache, not the user's
        try
        {
            var trained = CliRunner.Run(["train", fasta, "--split", split, "--epochs", "1", "--db", database, "-o", model, .. LabelledFiles.TinyNetwork]);

            Assert.True(trained.Exit == ExitCodes.Success, trained.Error);
            var metadata = ModelFile.ReadMetadata(model);
            Assert.Equal(80, metadata.InputFeatures);
            Assert.Equal("mmseqs", metadata.Profiles?.Tool);
            Assert.Equal(24, metadata.Profiles?.DatabaseSequences);
            var predicted = CliRunner.Run(["predict", fasta, "-m", model, "--db", database]);
            Assert.True(predicted.Exit == ExitCodes.Success, predicted.Error);
            Assert.Equal(25, predicted.Out.TrimEnd('\n').Split('\n').Length);
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", null);
        }
    }

    [Theory]
    [InlineData("--db db.fasta --profiles p.tsv")]
    [InlineData("--db db.fasta --profile-recipe r.json")]
    [InlineData("--profile-tool mmseqs")]
    [InlineData("--db db.fasta --profile-tool hmmer")]
    public void Profile_options_that_do_not_go_together_are_refused_before_any_work(string options)
    {
        var (fasta, split, _) = LabelledFiles.Write(directory);
        var given = options.Split(' ').Select(word => word.Contains('.') ? directory.Write(word, "") : word);

        var result = CliRunner.Run(["train", fasta, "--split", split, .. given, "-o", directory.Path("m.lsm"), .. LabelledFiles.TinyNetwork]);

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.False(File.Exists(directory.Path("m.lsm")));
    }
}
