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
/// reference speed, and the network's share of it (FLOPs per residue from <see cref="NetworkCost"/>); an ensemble's
/// whole-path time against a single network's; and the cold start, peak memory and proteome-scale run of the real
/// `locsharp predict` program.
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

        [CommandOption("--limit <N>")]
        [Description("Use only the first N proteins of --data (0 = all), for a quick run.")]
        [DefaultValue(0)]
        public int Limit { get; init; }

        [CommandOption("--ensemble <MODEL>")]
        [Description("Ensemble for `ensemble / single time`. Default: the shipped rlstm-ensemble-multiloc.lsm.")]
        public string? Ensemble { get; init; }

        [CommandOption("--single <MODEL>")]
        [Description("One network of the ensemble's kind. Default: the shipped rlstm-multiloc.lsm.")]
        public string? Single { get; init; }

        [CommandOption("--skip-ensemble")]
        public bool SkipEnsemble { get; init; }

        [CommandOption("--proteome <FASTA>")]
        [Description("Proteome-sized input for the whole `locsharp predict` process with the default model.")]
        [DefaultValue("../shared/data/bench/swissprot2014-20k.fasta.gz")]
        public string Proteome { get; init; } = "../shared/data/bench/swissprot2014-20k.fasta.gz";

        [CommandOption("--skip-proteome")]
        public bool SkipProteome { get; init; }

        [CommandOption("--repeat <N>")]
        [Description("Timed repetitions of each measurement; the best is reported.")]
        [DefaultValue(2)]
        public int Repeat { get; init; } = 2;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        TorchRuntime.Configure(settings.Threads, ThreadUse.AcrossBatches);
        string modelPath = settings.Model ?? ShippedModels.DefaultPath;
        using var model = ModelFile.Load(modelPath);
        var files = Directory.GetFiles(settings.Data, "*.fasta").Order(StringComparer.Ordinal).ToArray();
        var records = files.SelectMany(FastaReader.Read).Take(settings.Limit > 0 ? settings.Limit : int.MaxValue).ToList();
        long residues = records.Sum(r => (long)r.Sequence.Length);
        long modelResidues = records.Sum(r => (long)Math.Min(r.Sequence.Length, model.MaxLength));
        var pipeline = new PredictionPipeline(model, settings.BatchSize);
        Console.WriteLine($"model {modelPath}: {model.Networks.Count} network(s), {string.Join(", ", model.Networks.Select(n => $"{n.Config.Architecture} hidden {n.Config.Hidden}"))}");
        Console.WriteLine($"data {settings.Data}: {records.Count} proteins, {residues} residues ({modelResidues} after truncation to {model.MaxLength}); {TorchRuntime.InferenceWorkers} batch(es) at once on {get_num_threads()} thread(s) each, batch size {settings.BatchSize}");

        // The whole path reads and parses the files again each time, as `predict` does.
        IEnumerable<FastaRecord> Read() => files.SelectMany(FastaReader.Read).Take(records.Count);
        double whole = Best(settings.Repeat, () => WholePath(pipeline, model, Read(), cancellation));
        double forward = Best(settings.Repeat, () => BareForward(model, records, settings.BatchSize));
        Report("whole predict path", whole, records.Count, residues);
        Report("bare network forward", forward, records.Count, residues);
        Console.WriteLine($"whole path / bare forward throughput: {forward / whole:P1}");
        double gflops = MatrixProductGflops();
        Console.WriteLine($"matrix product 4096x4096 on {Environment.ProcessorCount} threads: {gflops:F0} GFLOP/s");
        long flopsPerResidue = model.Networks.Sum(n => NetworkCost.FlopsPerResidue(n.Config));
        double networkGflops = flopsPerResidue * (double)modelResidues / forward / 1e9;
        Console.WriteLine($"network: {flopsPerResidue / 1e6:F3} MFLOP per residue (NetworkCost), {networkGflops:F1} GFLOP/s in the bare forward");
        Console.WriteLine($"forward efficiency: {networkGflops / gflops:P1} of matrix-product rate");

        if (!settings.SkipEnsemble)
        {
            using var ensemble = ModelFile.Load(settings.Ensemble ?? Path.Combine(ShippedModels.Folder, "rlstm-ensemble-multiloc.lsm"));
            using var single = ModelFile.Load(settings.Single ?? Path.Combine(ShippedModels.Folder, "rlstm-multiloc.lsm"));
            double ensembleSeconds = Best(settings.Repeat, () => WholePath(new PredictionPipeline(ensemble, settings.BatchSize), ensemble, records, cancellation));
            double singleSeconds = Best(settings.Repeat, () => WholePath(new PredictionPipeline(single, settings.BatchSize), single, records, cancellation));
            Console.WriteLine($"ensemble of {ensemble.Networks.Count}: {ensembleSeconds:F2} s, single: {singleSeconds:F2} s (whole predict path)");
            Console.WriteLine($"ensemble / single time: {ensembleSeconds / singleSeconds:F2}");
        }

        var cli = new CliProcess(modelPath, settings.Threads);
        string one = Path.Combine(Path.GetTempPath(), $"locsharp-bench-{Environment.ProcessId}.fasta");
        File.WriteAllText(one, $">{records[0].Id}\n{records[0].Sequence}\n");
        try
        {
            var starts = Enumerable.Range(0, 3).Select(_ => cli.Predict(one).Seconds).Order().ToList();
            Console.WriteLine($"cold start, one protein (`locsharp predict`, whole process): median {starts[1]:F2} s of {string.Join(", ", starts.Select(s => s.ToString("F2")))}");
            var full = cli.Predict(files);
            Console.WriteLine($"`locsharp predict` on every protein of {settings.Data}, whole process: {full.Seconds:F1} s, peak memory {full.PeakMiB} MiB");
            if (!settings.SkipProteome)
            {
                int proteins = FastaReader.Read(settings.Proteome).Count();
                var proteome = new CliProcess(ShippedModels.DefaultPath, settings.Threads).Predict(settings.Proteome);
                Console.WriteLine($"proteome {proteins} proteins: {proteome.Seconds:F0} s, peak {proteome.PeakMiB} MiB");
            }
        }
        finally
        {
            File.Delete(one);
        }
        return 0;
    }

    /// <summary>Seconds of the predict path (encode, network, write CSV; reading too when <paramref name="records"/> reads lazily).</summary>
    static double WholePath(PredictionPipeline pipeline, TrainedModel model, IEnumerable<FastaRecord> records, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        using var writer = PredictionWriter.Create(TextWriter.Null, PredictionFormat.Csv, model.Locations, model.PredictsMembrane);
        foreach (var prediction in pipeline.Predict(records, cancellation)) writer.Write(prediction);
        writer.Complete();
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>The network alone on the pipeline's batches, as many at once as the pipeline runs: every batch is
    /// encoded before the clock starts.</summary>
    static double BareForward(TrainedModel model, IReadOnlyList<FastaRecord> records, int batchSize)
    {
        var batches = BatchedInference.Batches(model, records.Select(r => r.Sequence).ToList(), null, batchSize).ToList();
        var network = Stopwatch.StartNew();
        foreach (var _ in BatchedInference.Map(batches, Forward, BatchedInference.WorkersFor(model))) { }
        return network.Elapsed.TotalSeconds;

        bool Forward(EncodedBatch batch)
        {
            using (batch)
            using (model.PredictProbabilities(batch))
                return true;
        }
    }

    /// <summary>The fastest of <paramref name="repeat"/> runs, each returning the seconds it measured.</summary>
    static double Best(int repeat, Func<double> run) => Enumerable.Range(0, repeat).Min(_ => run());

    static void Report(string what, double seconds, int proteins, long residues) =>
        Console.WriteLine($"{what}: {seconds:F2} s, {residues / seconds:F0} residues/s, {proteins / seconds:F0} proteins/s");

    /// <summary>The machine's rate: a 4096 × 4096 product on every core, whatever the network runs with.</summary>
    static double MatrixProductGflops()
    {
        int threads = get_num_threads();
        set_num_threads(Environment.ProcessorCount);
        try
        {
            return MatrixProduct();
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    static double MatrixProduct()
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
