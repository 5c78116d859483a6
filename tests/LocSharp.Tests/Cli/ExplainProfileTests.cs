using System.Text;
using LocSharp.Cli.Infrastructure;
using LocSharp.Models;
using LocSharp.Profiles;

namespace LocSharp.Tests.Cli;

/// <summary>`explain attention` and `explain embedding` of a profile model: they read --profiles, and need them.</summary>
[Collection(TorchCollection.Name)]
public sealed class ExplainProfileTests : IDisposable
{
    readonly TempDirectory directory = new();
    readonly string model, fasta;
    readonly string[] sequences = [TinyModels.Sequence(12), TinyModels.Sequence(15, 1), TinyModels.Sequence(9, 2)];

    public ExplainProfileTests()
    {
        TorchSharp.torch.random.manual_seed(5);
        var config = new ModelConfig(Architecture.ALstm, TinyModels.Locations.Length, InputFeatures: 80, ConvWidths: [1, 3],
            FiltersPerWidth: 2, Hidden: 4, Dense: 4, AttentionSize: 4);
        model = directory.Path("profile.lsm");
        using (var trained = new TrainedModel([LocalizationNetwork.Create(config)], TinyModels.Locations, 50)) ModelFile.Save(trained, model);
        fasta = directory.Write("p.fasta", string.Concat(sequences.Select((s, i) => $">P{i}\n{s}\n")));
    }

    public void Dispose() => directory.Dispose();

    /// <summary>A profile file of the three proteins; <paramref name="shift"/> changes every score.</summary>
    string Profiles(string name, int shift)
    {
        var text = new StringBuilder(ProfileTsvReader.Header + "\n");
        for (int p = 0; p < sequences.Length; p++)
            for (int i = 0; i < sequences[p].Length; i++)
                text.Append($"P{p}\t{i + 1}\t{sequences[p][i]}\t{string.Join('\t', Enumerable.Range(0, 20).Select(k => (k * 3 + i + shift) % 11 - 5))}\n");
        return directory.Write(name, text.ToString());
    }

    static string[] Weights(string attentionTsv) => [.. File.ReadLines(attentionTsv).Skip(2).Select(l => l.Split('\t')[3])];

    [Fact]
    public void Attention_reads_the_profiles_and_a_profile_model_given_none_is_an_error_naming_the_option()
    {
        var without = CliRunner.Run("explain", "attention", "-m", model, fasta, "-o", directory.Path("none"), "--threads", "1");
        var a = CliRunner.Run("explain", "attention", "-m", model, fasta, "-o", directory.Path("a"), "--profiles", Profiles("a.tsv", 0), "--threads", "1");
        var b = CliRunner.Run("explain", "attention", "-m", model, fasta, "-o", directory.Path("b"), "--profiles", Profiles("b.tsv", 4), "--threads", "1");

        Assert.Equal(ExitCodes.InvalidInput, without.Exit);
        Assert.Contains("--profiles", without.Error);
        Assert.True(a.Exit == ExitCodes.Success, a.Error);
        Assert.True(b.Exit == ExitCodes.Success, b.Error);
        var (weightsA, weightsB) = (Weights(directory.Path("a", "attention.tsv")), Weights(directory.Path("b", "attention.tsv")));
        Assert.Equal(sequences.Sum(s => s.Length), weightsA.Length);
        Assert.NotEqual(weightsA, weightsB); // other profiles, other attention: the network read them
    }

    [Fact]
    public void Embedding_reads_the_profiles()
    {
        var without = CliRunner.Run("explain", "embedding", "-m", model, fasta, "-o", directory.Path("none"), "--threads", "1");
        var with = CliRunner.Run("explain", "embedding", "-m", model, fasta, "-o", directory.Path("e"), "--profiles", Profiles("a.tsv", 0), "--threads", "1");

        Assert.Equal(ExitCodes.InvalidInput, without.Exit);
        Assert.True(with.Exit == ExitCodes.Success, with.Error);
        Assert.Equal(1 + sequences.Length, File.ReadAllLines(directory.Path("e", "embedding.tsv")).Length);
    }
}
