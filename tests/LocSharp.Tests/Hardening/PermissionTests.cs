using LocSharp.Cli.Infrastructure;
using LocSharp.Tests.Cli;

namespace LocSharp.Tests.Hardening;

/// <summary>Issue 13, defect 13: inputs the user may not read and outputs the user may not write are bad input
/// (exit 1) in one line naming the path, for a user whom file modes stop (see <see cref="UnprivilegedCli"/>).</summary>
[Collection(TorchCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PermissionTests : TinyModelFiles
{
    string Home => directory.Path("home");

    CliRunner.Result Run(params string[] args) => UnprivilegedCli.Run(Home, [.. args, "--threads", "1"]);

    /// <summary>Skips unless file modes can stop the child; then opens the test's folder to it, with a HOME it may write.</summary>
    void SkipUnlessModesApply()
    {
        string? obstacle = UnprivilegedCli.Obstacle(directory.Root);
        Skip.If(obstacle != null, obstacle);
        File.SetUnixFileMode(directory.Root, UnprivilegedCli.Traversable);
        UnprivilegedCli.OpenFolder(Home);
    }

    /// <summary>A copy of <paramref name="file"/> that nobody but root may read (mode 000).</summary>
    string UnreadableCopy(string file, string name)
    {
        string copy = directory.Path(name);
        File.Copy(file, copy);
        File.SetUnixFileMode(copy, UnixFileMode.None);
        return copy;
    }

    static void AssertDenied(CliRunner.Result result, string path)
    {
        Assert.True(result.Exit == ExitCodes.InvalidInput, $"exit {result.Exit}: {result.Error}");
        var errors = result.Error.Split('\n').Where(l => l.StartsWith("locsharp:")).ToList();
        Assert.Single(errors);
        Assert.Contains(path, errors[0]);
        Assert.Matches("(?i)(access|permission).* denied", errors[0]);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [SkippableFact]
    public void Unreadable_fasta_model_and_split_are_exit_1_naming_the_file()
    {
        SkipUnlessModesApply();
        var (data, split, _) = LabelledFiles.Write(directory);

        // The same user reads the readable originals: what follows fails on the mode alone.
        var readable = Run("predict", fasta, "-m", model);
        Assert.True(readable.Exit == ExitCodes.Success, readable.Error);
        Assert.Equal(3, readable.Out.TrimEnd('\n').Split('\n').Length);

        string unreadableFasta = UnreadableCopy(fasta, "unreadable.fasta");
        AssertDenied(Run("predict", unreadableFasta, "-m", model), unreadableFasta);
        string unreadableModel = UnreadableCopy(model, "unreadable.lsm");
        AssertDenied(Run("predict", fasta, "-m", unreadableModel), unreadableModel);
        string unreadableSplit = UnreadableCopy(split, "unreadable-split.tsv");
        AssertDenied(Run("evaluate", "-m", model, data, "--split", unreadableSplit), unreadableSplit);
    }

    [SkippableFact]
    public void Outputs_in_a_read_only_folder_are_exit_1_naming_the_path_and_leave_nothing()
    {
        SkipUnlessModesApply();
        string writable = UnprivilegedCli.OpenFolder(directory.Path("writable"));
        string readOnly = Directory.CreateDirectory(directory.Path("read-only")).FullName;

        // The same predict into a folder the user may write to succeeds.
        var control = Run("predict", fasta, "-m", model, "-o", Path.Combine(writable, "out.csv"));
        Assert.True(control.Exit == ExitCodes.Success, control.Error);
        Assert.StartsWith("protein_id,location", File.ReadAllText(Path.Combine(writable, "out.csv")));

        File.SetUnixFileMode(readOnly, UnprivilegedCli.ReadOnlyFolder);
        try
        {
            string output = Path.Combine(readOnly, "out.csv");
            AssertDenied(Run("predict", fasta, "-m", model, "-o", output), output);
            string explained = Path.Combine(readOnly, "residues");
            AssertDenied(Run("explain", "residues", "-m", model, fasta, "-o", explained, "--max-tracks", "0", "--steps", "2", "--max-steps", "2"), explained);
            Assert.Empty(Directory.GetFileSystemEntries(readOnly)); // no temporary file, no half-made folder
        }
        finally
        {
            File.SetUnixFileMode(readOnly, UnprivilegedCli.Traversable);
        }
    }
}
