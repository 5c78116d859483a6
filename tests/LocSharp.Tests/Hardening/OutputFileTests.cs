using System.IO.Compression;
using LocSharp.Cli.Infrastructure;
using LocSharp.Models;
using LocSharp.Tests.Cli;

namespace LocSharp.Tests.Hardening;

/// <summary>Issue 13, defects 1, 10 and 13: outputs that are devices, FIFOs, symlinks or inputs, and outputs the file system refuses.</summary>
[Collection(TorchCollection.Name)]
public sealed class OutputFileTests : TinyModelFiles
{

    [Fact]
    public void A_character_device_output_is_written_through_and_stays_a_device()
    {
        string device = directory.Path("null");
        if (!Posix.TryMakeNullDevice(device)) return; // mknod needs root; CI runs as root
        var result = CliRunner.Run("predict", fasta, "-m", model, "-o", device);

        Assert.True(result.Exit == ExitCodes.Success, result.Error);
        Assert.Equal(FileNodeKind.Special, FileNode.Of(device)!.Value.Kind);
        Assert.Empty(Directory.GetFiles(directory.Root, ".*"));
    }

    [Fact]
    public async Task A_fifo_output_is_written_into_and_stays_a_fifo()
    {
        string fifo = directory.Path("out.fifo");
        Posix.MakeFifo(fifo);
        var reader = Task.Run(() => File.ReadAllText(fifo));

        var result = CliRunner.Run("predict", fasta, "-m", model, "-o", fifo);

        Assert.True(result.Exit == ExitCodes.Success, result.Error);
        string written = await reader.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.StartsWith("protein_id,location", written);
        Assert.Equal(3, written.TrimEnd('\n').Split('\n').Length);
        Assert.Equal(FileNodeKind.Special, FileNode.Of(fifo)!.Value.Kind);
    }

    [Fact]
    public void A_symlink_output_is_written_through_to_its_target_and_stays_a_link()
    {
        string target = directory.Write("real.csv", "old\n");
        string link = directory.Path("link.csv");
        File.CreateSymbolicLink(link, target);

        var result = CliRunner.Run("predict", fasta, "-m", model, "-o", link);

        Assert.True(result.Exit == ExitCodes.Success, result.Error);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.StartsWith("protein_id,location", File.ReadAllText(target));
    }

    [Fact]
    public void Predict_refuses_an_output_that_is_its_input_by_any_path()
    {
        string original = File.ReadAllText(fasta);
        string hardLink = directory.Path("hard.fasta");
        Posix.HardLink(fasta, hardLink);
        Directory.CreateDirectory(directory.Path("a"));
        string gz = directory.Path("in.fasta.gz");
        using (var stream = new GZipStream(File.Create(gz), CompressionLevel.Fastest)) stream.Write(File.ReadAllBytes(fasta));
        byte[] gzBytes = File.ReadAllBytes(gz), modelBytes = File.ReadAllBytes(model);

        foreach (var (input, output) in new[] { (fasta, fasta), (fasta, hardLink), (fasta, directory.Path("a", "..", "in.fasta")), (gz, gz), (fasta, model) })
        {
            var result = CliRunner.Run("predict", input, "-m", model, "-o", output);
            Assert.Equal(ExitCodes.Usage, result.Exit);
            Assert.Contains("is the same file as the input", result.Error);
        }
        Assert.Equal(original, File.ReadAllText(fasta));
        Assert.Equal(gzBytes, File.ReadAllBytes(gz));
        Assert.Equal(modelBytes, File.ReadAllBytes(model));
    }

    [Fact]
    public void Train_ensemble_and_explain_refuse_outputs_that_are_inputs()
    {
        var (data, split, _) = LabelledFiles.Write(directory);
        string before = File.ReadAllText(data), splitBefore = File.ReadAllText(split);

        Assert.Equal(ExitCodes.Usage, CliRunner.Run(["train", data, "-o", data, .. LabelledFiles.TinyNetwork]).Exit);
        Assert.Equal(ExitCodes.Usage, CliRunner.Run(["train", data, "--split", split, "-o", split, .. LabelledFiles.TinyNetwork]).Exit);
        Assert.Equal(ExitCodes.Usage, CliRunner.Run(["train", data, "-o", directory.Path("m.lsm"), "--checkpoint", data, .. LabelledFiles.TinyNetwork]).Exit);
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("ensemble", model, model, "-o", model).Exit);
        Assert.Equal(before, File.ReadAllText(data));
        Assert.Equal(splitBefore, File.ReadAllText(split));
    }

    [Fact]
    public void Merge_refuses_an_output_that_is_one_of_its_tables()
    {
        string table = directory.Write("part-1.csv", "protein_id,location\n");
        string other = directory.Write("part-2.csv", "protein_id,location\n");
        string hardLink = directory.Path("hard.csv");
        Posix.HardLink(other, hardLink);

        foreach (string output in new[] { table, hardLink })
        {
            var result = CliRunner.Run("merge", table, other, "-o", output);
            Assert.Equal(ExitCodes.Usage, result.Exit);
            Assert.Contains("is the same file as the input", result.Error);
        }
        Assert.Equal("protein_id,location\n", File.ReadAllText(table));
        Assert.Equal("protein_id,location\n", File.ReadAllText(other));

        var missing = CliRunner.Run("merge", table, other, "-o", directory.Path("no", "merged.csv"));
        Assert.Equal(ExitCodes.InvalidInput, missing.Exit);
        Assert.Contains("-o|--output", missing.Error);
    }

    [Fact]
    public void Profile_refuses_an_output_that_is_its_input_before_any_search()
    {
        string original = File.ReadAllText(fasta);
        string database = directory.Write("db.fasta", original);
        foreach (string output in new[] { fasta, database, directory.Path("a", "..", "db.fasta") })
        {
            Directory.CreateDirectory(directory.Path("a"));
            var result = CliRunner.Run("profile", fasta, "--db", database, "-o", output);
            Assert.Equal(ExitCodes.Usage, result.Exit);
            Assert.Contains("is the same file as the input", result.Error);
        }
        Assert.Equal(original, File.ReadAllText(fasta));
        Assert.Equal(original, File.ReadAllText(database));

        // A missing output folder is refused before the database is built or searched.
        var missing = CliRunner.Run("profile", fasta, "--db", fasta, "-o", directory.Path("no", "p.tsv"));
        Assert.Equal(ExitCodes.InvalidInput, missing.Exit);
        Assert.Contains("-o|--output", missing.Error);
    }

    [Fact]
    public void Calibrate_refuses_an_output_that_is_its_data_but_may_replace_its_model()
    {
        var (data, split, _) = LabelledFiles.Write(directory);
        string before = File.ReadAllText(data), splitBefore = File.ReadAllText(split);

        foreach (string output in new[] { data, split })
        {
            var result = CliRunner.Run("calibrate", "-m", model, data, "--split", split, "-o", output);
            Assert.Equal(ExitCodes.Usage, result.Exit);
            Assert.Contains("is the same file as the input", result.Error);
        }
        Assert.Equal(before, File.ReadAllText(data));
        Assert.Equal(splitBefore, File.ReadAllText(split));

        var missing = CliRunner.Run("calibrate", "-m", model, data, "-o", directory.Path("no", "m.lsm"));
        Assert.Equal(ExitCodes.InvalidInput, missing.Exit);
        Assert.Contains("-o|--output", missing.Error);
    }

    [Fact]
    public void An_output_that_is_a_directory_or_a_missing_folder_is_exit_1_naming_it()
    {
        var toDirectory = CliRunner.Run("predict", fasta, "-m", model, "-o", directory.Root);
        Assert.Equal(ExitCodes.InvalidInput, toDirectory.Exit);
        Assert.Contains(directory.Root, toDirectory.Error);
        Assert.Contains("is a directory", toDirectory.Error);

        var explainToFile = CliRunner.Run("explain", "attention", "-m", model, fasta, "-o", fasta);
        Assert.Equal(ExitCodes.InvalidInput, explainToFile.Exit);
        Assert.Contains("not a folder", explainToFile.Error);

        var missing = CliRunner.Run("predict", fasta, "-m", model, "-o", directory.Path("no", "such", "out.csv"));
        Assert.Equal(ExitCodes.InvalidInput, missing.Exit);
        Assert.Contains("does not exist", missing.Error);
        Assert.Single(missing.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void A_full_disk_is_exit_1_naming_the_output_and_the_reason()
    {
        if (!File.Exists("/dev/full")) return; // Linux only
        var result = CliRunner.Run("predict", fasta, "-m", model, "-o", "/dev/full");

        Assert.Equal(ExitCodes.InvalidInput, result.Exit);
        Assert.Contains("/dev/full", result.Error);
        Assert.Contains("No space left on device", result.Error);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.Equal(FileNodeKind.Special, FileNode.Of("/dev/full")!.Value.Kind);
    }

    [Fact]
    public void Standard_output_to_a_full_device_is_exit_1_in_one_line()
    {
        if (!File.Exists("/dev/full")) return;
        // sh redirects the child's standard output to /dev/full, as `locsharp predict ... > /dev/full` does.
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"\"$0\" \"$1\" predict \"$2\" -m \"$3\" --threads 1 > /dev/full");
        start.ArgumentList.Add(Posix.DotnetHost());
        start.ArgumentList.Add(System.IO.Path.Combine(AppContext.BaseDirectory, "locsharp.dll"));
        start.ArgumentList.Add(fasta);
        start.ArgumentList.Add(model);
        using var shell = System.Diagnostics.Process.Start(start)!;
        string stderr = shell.StandardError.ReadToEnd();
        shell.WaitForExit();

        Assert.Equal(ExitCodes.InvalidInput, shell.ExitCode);
        var lines = stderr.Split('\n').Where(l => l.StartsWith("locsharp:")).ToList();
        Assert.Single(lines);
        Assert.Contains("standard output", lines[0]);
        Assert.DoesNotContain("   at ", stderr);
    }
}
