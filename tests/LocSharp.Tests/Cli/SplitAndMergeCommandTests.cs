using LocSharp.Cli.Infrastructure;
using LocSharp.Models;
using LocSharp.Sequences;

namespace LocSharp.Tests.Cli;

/// <summary>`locsharp split` and `locsharp merge`: predictions of the parts, merged, are the bytes of one predict of
/// the whole input.</summary>
[Collection(TorchCollection.Name)]
public sealed class SplitAndMergeCommandTests : IDisposable
{
    readonly TempDirectory directory = new();
    readonly string model;

    public SplitAndMergeCommandTests() => model = TinyModels.Save(directory.Path("tiny.lsm"), Architecture.RLstm, weightScale: 0.5);

    public void Dispose() => directory.Dispose();

    /// <summary>Proteins of lengths 3 to 90 (the model's maximum is 50, so some are truncated), with IDs a JSON writer escapes.</summary>
    string Input()
    {
        var random = new Random(16);
        return directory.Write("in.fasta", string.Concat(Enumerable.Range(0, 40).Select(i =>
            $">{(i == 7 ? "sp|P7+<é>" : $"p{i}")} protein {i}\n{TinyModels.Sequence(random.Next(3, 90), i)}\n")));
    }

    [Theory]
    [InlineData("csv", 3)]
    [InlineData("tsv", 2)]
    [InlineData("json", 5)]
    public void Merged_predictions_of_the_parts_are_the_bytes_of_one_predict(string format, int parts)
    {
        string input = Input();
        var whole = CliRunner.Run("predict", input, "-m", model, "--format", format, "-o", directory.Path("whole." + format));
        Assert.True(whole.Exit == ExitCodes.Success, whole.Error);

        var split = CliRunner.Run("split", input, "-n", parts.ToString(), "-o", directory.Path("parts"));
        Assert.True(split.Exit == ExitCodes.Success, split.Error);
        var tables = new List<string>();
        for (int k = 1; k <= parts; k++)
        {
            string table = directory.Path("parts", $"part-{k}.{format}");
            var part = CliRunner.Run("predict", directory.Path("parts", FastaSplitter.PartFileName(k, parts)), "-m", model, "-o", table, "--batch-size", "4");
            Assert.True(part.Exit == ExitCodes.Success, part.Error);
            tables.Add(table);
        }
        var merge = CliRunner.Run(["merge", .. tables, "-o", directory.Path("merged." + format)]);

        Assert.True(merge.Exit == ExitCodes.Success, merge.Error);
        Assert.Equal(File.ReadAllBytes(directory.Path("whole." + format)), File.ReadAllBytes(directory.Path("merged." + format)));
        Assert.Equal(File.ReadAllText(directory.Path("whole." + format)), CliRunner.Run(["merge", .. tables]).Out);
    }

    [Fact]
    public void Split_says_what_it_wrote()
    {
        string input = directory.Write("in.fasta", ">a\nMKVL\n>b\nMK\n>c\nMKVLA\n");
        var result = CliRunner.Run("split", input, "-n", "2", "-o", directory.Path("parts"));

        Assert.Equal(ExitCodes.Success, result.Exit);
        Assert.Equal($"wrote {directory.Path("parts", "part-1.fasta")}: 2 proteins, 6 residues\nwrote {directory.Path("parts", "part-2.fasta")}: 1 protein, 5 residues\n", result.Error);
    }

    [Fact]
    public void Split_errors_name_the_problem_and_exit_non_zero()
    {
        string bad = directory.Write("bad.fasta", ">a\nMKVL\n>b\nMK-V\n");
        var malformed = CliRunner.Run("split", bad, "-n", "2", "-o", directory.Path("parts"));
        Assert.Equal(ExitCodes.InvalidInput, malformed.Exit);
        Assert.Contains($"{bad} line 4 (record b)", malformed.Error);
        Assert.False(Directory.Exists(directory.Path("parts")));

        var tooMany = CliRunner.Run("split", directory.Write("two.fasta", ">a\nMK\n>b\nMK\n"), "-n", "3", "-o", directory.Path("parts"));
        Assert.Equal(ExitCodes.Usage, tooMany.Exit);
        Assert.Contains("2 proteins cannot be cut into 3 non-empty parts", tooMany.Error);

        Assert.Equal(ExitCodes.Usage, CliRunner.Run("split", bad, "-o", directory.Path("parts")).Exit);
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("split", bad, "-n", "2").Exit);
        Assert.Equal(ExitCodes.InvalidInput, CliRunner.Run("split", directory.Path("none.fasta"), "-n", "2", "-o", directory.Path("parts")).Exit);
    }

    [Fact]
    public void Merge_refuses_a_bad_part_and_writes_nothing()
    {
        string good = directory.Write("a.csv", "protein_id,location,confidence,truncated,ER\nP1,ER,1.0000,false,1.0000\n");
        string bad = directory.Write("b.csv", "protein_id,location,confidence,truncated,Golgi\nP2,Golgi,1.0000,false,1.0000\n");
        var result = CliRunner.Run("merge", good, bad, "-o", directory.Path("merged.csv"));

        Assert.Equal(ExitCodes.InvalidInput, result.Exit);
        Assert.Contains($"{bad} line 1: its columns differ", result.Error);
        Assert.False(File.Exists(directory.Path("merged.csv")));
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("merge").Exit);
    }
}
