using System.ComponentModel;
using System.Diagnostics;
using LocSharp.Data;
using LocSharp.Encoding;
using LocSharp.Models;
using LocSharp.Prediction;
using LocSharp.Sequences;
using Spectre.Console.Cli;
using static TorchSharp.torch;

namespace LocSharp.Bench;

/// <summary>
/// Measures, in one run: the whole predict path (read FASTA, encode, network, write CSV) and the bare network
/// forward pass on the same batches, on every protein of a data set; a large matrix product for the machine's
/// reference speed; and the cold start and peak memory of the real `locsharp predict` program.
/// </summary>
public sealed class PredictBenchmark : Command<PredictBenchmark.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-m|--model <MODEL>")]
        [Description("Model to measure. Default: the shipped model.")]
        public string? Model { get; init; }

        [CommandOption("--data <DIR>")]
        [Description("Folder of FASTA files to predict.")]
        [DefaultValue("../shared/data/multiloc")]
        public string Data { get; init; } = "../shared/data/multiloc";

        [CommandOption("--batch-size <N>")]
        [DefaultValue(64)]
        public int BatchSize { get; init; } = 64;

        [CommandOption("--threads <N>")]
        [Description("CPU threads (0 = one per core).")]
        [DefaultValue(0)]
        public int Threads { get; init; }

        [CommandOption("--repeat <N>")]
        [Description("Timed repetitions of each measurement; the best is reported.")]
        [DefaultValue(2)]
        public int Repeat { get; init; } = 2;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        TorchRuntime.Configure(settings.Threads);
        string modelPath = settings.Model ?? ShippedModels.DefaultPath;
        using var model = ModelFile.Load(modelPath);
        var files = Directory.GetFiles(settings.Data, "*.fasta").Order(StringComparer.Ordinal).ToArray();
        var records = files.SelectMany(FastaReader.Read).ToList();
        long residues = records.Sum(r => (long)r.Sequence.Length);
        long modelResidues = records.Sum(r => (long)Math.Min(r.Sequence.Length, model.MaxLength));
        var pipeline = new PredictionPipeline(model, settings.BatchSize);
        Console.WriteLine($"model {modelPath}: {model.Networks.Count} network(s), {string.Join(", ", model.Networks.Select(n => $"{n.Config.Architecture} hidden {n.Config.Hidden}"))}");
        Console.WriteLine($"data {settings.Data}: {records.Count} proteins, {residues} residues ({modelResidues} after truncation to {model.MaxLength}); threads {get_num_threads()}, batch size {settings.BatchSize}");

        double whole = Best(settings.Repeat, () =>
        {
            var clock = Stopwatch.StartNew();
            using var writer = PredictionWriter.Create(TextWriter.Null, PredictionFormat.Csv, model.Locations);
            foreach (var prediction in pipeline.Predict(files.SelectMany(FastaReader.Read), cancellation)) writer.Write(prediction);
            writer.Complete();
            return clock.Elapsed.TotalSeconds;
        });
        double forward = Best(settings.Repeat, () => BareForward(model, records, settings.BatchSize));
        Report("whole predict path", whole, records.Count, residues);
        Report("bare network forward", forward, records.Count, residues);
        Console.WriteLine($"whole path / bare forward throughput: {forward / whole:P1}");
        Console.WriteLine($"matrix product 4096x4096: {MatrixProductGflops():F0} GFLOP/s");

        var cli = new CliProcess(modelPath, settings.Threads);
        string one = Path.Combine(Path.GetTempPath(), $"locsharp-bench-{Environment.ProcessId}.fasta");
        File.WriteAllText(one, $">{records[0].Id}\n{records[0].Sequence}\n");
        try
        {
            var starts = Enumerable.Range(0, 3).Select(_ => cli.Predict(one).Seconds).Order().ToList();
            Console.WriteLine($"cold start, one protein (`locsharp predict`, whole process): median {starts[1]:F2} s of {string.Join(", ", starts.Select(s => s.ToString("F2")))}");
            var full = cli.Predict(files);
            Console.WriteLine($"`locsharp predict` on all {records.Count} proteins, whole process: {full.Seconds:F1} s, peak memory {full.PeakMiB} MiB");
        }
        finally
        {
            File.Delete(one);
        }
        return 0;
    }

    /// <summary>The network alone on the pipeline's batches: encoding happens outside the timed region.</summary>
    static double BareForward(TrainedModel model, IReadOnlyList<FastaRecord> records, int batchSize)
    {
        var sequences = records.Select(r => Truncation.Truncate(r.Sequence, model.MaxLength)).ToList();
        var network = new Stopwatch();
        foreach (int[] items in LengthBuckets.Sorted(sequences.Select(s => s.Length).ToList(), batchSize, PredictionPipeline.DefaultMaxBatchResidues))
        {
            using var batch = EncodedBatch.Create(sequences, items, model.InputFeatures);
            network.Start();
            using var probabilities = model.PredictProbabilities(batch);
            network.Stop();
        }
        return network.Elapsed.TotalSeconds;
    }

    /// <summary>The fastest of <paramref name="repeat"/> runs, each returning the seconds it measured.</summary>
    static double Best(int repeat, Func<double> run) => Enumerable.Range(0, repeat).Min(_ => run());

    static void Report(string what, double seconds, int proteins, long residues) =>
        Console.WriteLine($"{what}: {seconds:F2} s, {residues / seconds:F0} residues/s, {proteins / seconds:F0} proteins/s");

    static double MatrixProductGflops()
    {
        using var scope = NewDisposeScope();
        var a = randn(4096, 4096);
        var b = randn(4096, 4096);
        a.matmul(b);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < 3; i++) a.matmul(b);
        return 3 * 2.0 * Math.Pow(4096, 3) / clock.Elapsed.TotalSeconds / 1e9;
    }
}
