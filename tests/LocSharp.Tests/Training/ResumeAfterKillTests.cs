using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using LocSharp.Cli.Infrastructure;
using LocSharp.Tests.Cli;
using LocSharp.Models;
using LocSharp.Training;
using Xunit.Abstractions;

namespace LocSharp.Tests.Training;

/// <summary>
/// `locsharp train` killed (SIGKILL) in the middle of a run and continued with `--resume` ends with exactly the
/// weights of a run never interrupted.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class ResumeAfterKillTests(ITestOutputHelper output) : IDisposable
{
    readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    const int Epochs = 6;

    static string[] Arguments(string data, string model, int epochs = Epochs, string dropout = "0.3") =>
    [
        "train", data, "-o", model, "--arch", "alstm", "--hidden", "4", "--dense", "6", "--attention-size", "4",
        "--filters", "2", "--conv-widths", "1,3", "--dropout", dropout, "--epochs", $"{epochs}", "--batch-size", "8",
        "--max-length", "60", "--learning-rate", "0.01", "--seed", "7", "--threads", "1",
    ];

    /// <summary>Runs the CLI in this process; returns the exit code and what it wrote to standard error.</summary>
    static (int Exit, string Error) RunInProcess(params string[] args)
    {
        var result = CliRunner.Run(args);
        return (result.Exit, result.Error);
    }

    static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") return Environment.ProcessPath!;
        return "dotnet";
    }

    static byte[] Entry(string zipPath, string name)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        using var stream = (zip.GetEntry(name) ?? throw new InvalidDataException($"{zipPath} has no entry {name}")).Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    [Fact]
    public void A_training_process_killed_mid_run_and_resumed_ends_with_the_weights_of_an_uninterrupted_run()
    {
        string data = directory.Write("proteins.fasta", SyntheticProteins.Fasta(SyntheticProteins.Create(160, seed: 9)));
        string whole = directory.Path("whole.lsm"), killed = directory.Path("killed.lsm");

        var (exit, error) = RunInProcess(Arguments(data, whole));
        Assert.True(exit == 0, error);

        // The same run as a child process, killed as soon as its first checkpoint exists.
        string locsharp = Path.Combine(AppContext.BaseDirectory, "locsharp.dll");
        Assert.True(File.Exists(locsharp), $"{locsharp} is missing; the test project references LocSharp.Cli to get it.");
        var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(locsharp);
        foreach (string argument in Arguments(data, killed)) start.ArgumentList.Add(argument);
        var childError = new StringBuilder();
        string checkpoint = killed + ".checkpoint";
        using (var child = Process.Start(start)!)
        {
            child.ErrorDataReceived += (_, e) => { lock (childError) childError.AppendLine(e.Data); };
            child.OutputDataReceived += (_, _) => { };
            child.BeginErrorReadLine();
            child.BeginOutputReadLine();
            var clock = Stopwatch.StartNew();
            while (!File.Exists(checkpoint) && !child.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(2);
            bool running = !child.HasExited;
            if (running) child.Kill();
            child.WaitForExit();
            string log;
            lock (childError) log = childError.ToString();
            Assert.True(running, $"the child process ended before it could be killed (exit code {child.ExitCode}):\n{log}");
            Assert.True(File.Exists(checkpoint), $"no checkpoint after {clock.Elapsed.TotalSeconds:F0} s:\n{log}");
        }
        Assert.False(File.Exists(killed), "the killed run must not have written its model");
        int epochsDone = Checkpoint.ReadState(checkpoint).EpochsDone;
        output.WriteLine($"killed after epoch {epochsDone} of {Epochs}");
        Assert.InRange(epochsDone, 1, Epochs - 1);

        (exit, error) = RunInProcess([.. Arguments(data, killed), "--resume"]);
        Assert.True(exit == 0, error);
        Assert.Contains($"resuming after epoch {epochsDone}", error);

        Assert.Equal(Entry(whole + ".checkpoint", "weights"), Entry(checkpoint, "weights"));     // float32
        Assert.Equal(Entry(whole + ".checkpoint", "optimizer"), Entry(checkpoint, "optimizer"));
        Assert.Equal(Entry(whole, "member-0.weights"), Entry(killed, "member-0.weights"));       // float16, as shipped
        var wholeHistory = Checkpoint.ReadState(whole + ".checkpoint").History;
        var resumedHistory = Checkpoint.ReadState(checkpoint).History;
        Assert.Equal(wholeHistory.Select(e => (e.Epoch, e.TrainLoss, e.TrainAccuracy)), resumedHistory.Select(e => (e.Epoch, e.TrainLoss, e.TrainAccuracy)));
        Assert.Equal(Epochs, ModelFile.ReadMetadata(killed).Members[0].Training!.EpochsRun);
    }

    /// <summary>Killed while writing its third checkpoint, the run leaves half a temporary file and the second
    /// checkpoint untouched; the resume continues from that one, removes the leftover and ends as an uninterrupted run.
    /// The child stops at that point itself (<see cref="CheckpointWriteStop"/>), so nothing depends on timing.</summary>
    [Fact]
    public async Task A_training_process_killed_inside_a_checkpoint_write_resumes_from_the_previous_checkpoint_to_the_weights_of_an_uninterrupted_run()
    {
        const int epochs = 4, killedWrite = 3;
        string data = directory.Write("proteins.fasta", SyntheticProteins.Fasta(SyntheticProteins.Create(80, seed: 9)));
        string whole = directory.Path("whole.lsm"), killed = directory.Path("killed.lsm"), checkpoint = killed + ".checkpoint";

        var (exit, error) = RunInProcess(Arguments(data, whole, epochs));
        Assert.True(exit == 0, error);

        var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in (string[])[typeof(TestProgram).Assembly.Location, CheckpointWriteStop.Mode, $"{killedWrite}", .. Arguments(data, killed, epochs)])
            start.ArgumentList.Add(argument);
        var childError = new StringBuilder();
        string partial = "";
        byte[] previous = [];
        using (var child = Process.Start(start)!)
        {
            child.ErrorDataReceived += (_, e) => { lock (childError) childError.AppendLine(e.Data); };
            child.BeginErrorReadLine();
            var stopped = PrintsLine(child.StandardOutput, CheckpointWriteStop.Stopped);
            bool inWrite = await Task.WhenAny(stopped, Task.Delay(TimeSpan.FromMinutes(2))) == stopped && await stopped;   // the delay only guards against a hang
            if (inWrite)
            {
                partial = Assert.Single(Directory.GetFiles(directory.Root, $".{Path.GetFileName(checkpoint)}.*.tmp"));
                previous = File.ReadAllBytes(checkpoint);
            }
            child.Kill();   // SIGKILL: no handler, finally block or cleanup runs
            child.WaitForExit();
            string log;
            lock (childError) log = childError.ToString();
            Assert.True(inWrite, $"the child did not stop inside checkpoint write {killedWrite}:\n{log}");
        }

        Assert.True(new FileInfo(partial).Length > 0, "the killed write should have left part of its temporary file");
        Assert.Throws<InvalidDataException>(() => ZipFile.OpenRead(partial).Dispose());   // half a zip: no central directory
        Assert.Equal(previous, File.ReadAllBytes(checkpoint));
        Assert.Equal(killedWrite - 1, Checkpoint.ReadState(checkpoint).EpochsDone);
        Assert.False(File.Exists(killed), "the killed run must not have written its model");

        (exit, error) = RunInProcess([.. Arguments(data, killed, epochs), "--resume"]);
        Assert.True(exit == 0, error);
        Assert.Contains($"resuming after epoch {killedWrite - 1}", error);
        Assert.False(File.Exists(partial), "the resumed run should remove the killed write's temporary file");

        Assert.Equal(Entry(whole + ".checkpoint", "weights"), Entry(checkpoint, "weights"));
        Assert.Equal(Entry(whole + ".checkpoint", "optimizer"), Entry(checkpoint, "optimizer"));
        Assert.Equal(Entry(whole, "member-0.weights"), Entry(killed, "member-0.weights"));
        Assert.Equal(epochs, Checkpoint.ReadState(checkpoint).History.Count);
    }

    /// <returns>Whether the reader gave that line before it ended.</returns>
    static async Task<bool> PrintsLine(StreamReader reader, string expected)
    {
        for (string? line; (line = await reader.ReadLineAsync()) != null;)
            if (line == expected) return true;
        return false;
    }

    [Fact]
    public void The_train_verb_refuses_an_existing_checkpoint_without_resume_and_says_how_to_go_on()
    {
        string data = directory.Write("proteins.fasta", SyntheticProteins.Fasta(SyntheticProteins.Create(10, seed: 9)));
        string model = directory.Path("model.lsm");
        File.WriteAllText(model + ".checkpoint", "not really a checkpoint");

        var (exit, error) = RunInProcess(Arguments(data, model));

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains($"{model}.checkpoint already holds a checkpoint", error);
        Assert.Contains("--resume", error);
        Assert.False(File.Exists(model));
    }

    [Fact]
    public void The_train_verb_refuses_to_resume_a_checkpoint_of_other_settings()
    {
        string data = directory.Write("proteins.fasta", SyntheticProteins.Fasta(SyntheticProteins.Create(10, seed: 9)));
        string model = directory.Path("model.lsm");
        Assert.Equal(0, RunInProcess(Arguments(data, model, epochs: 1)).Exit);
        File.Delete(model);

        var (exit, error) = RunInProcess([.. Arguments(data, model, epochs: 1, dropout: "0.4"), "--resume"]);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("other settings", error);
        Assert.Contains(model + ".checkpoint", error);
    }
}
