using System.ComponentModel;
using System.Diagnostics;
using LocSharp.Data;
using LocSharp.Encoding;
using LocSharp.Models;
using LocSharp.Training;
using Spectre.Console.Cli;
using static TorchSharp.torch;

namespace LocSharp.Bench;

/// <summary>
/// A training epoch of <see cref="Trainer"/> against the bare libtorch work it is made of, on the same proteins in
/// length-bucketed batches of the same size (shuffled with another seed): forward, cross-entropy, backward, gradient
/// clipping and the Adam step, with every batch encoded before the clock starts. The gap
/// is what the trainer adds (encoding, bookkeeping, validation is off); the bare rate is the ceiling. On data with
/// membrane labels (DeepLoc) the trainer also trains the membrane output, which the bare loop leaves out; the output
/// says so.
/// </summary>
public sealed class TrainBenchmark : Command<TrainBenchmark.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--data <DATA>")]
        [Description("Labelled proteins to train on (MultiLoc folder or DeepLoc FASTA).")]
        [DefaultValue("../shared/data/multiloc")]
        public string Data { get; init; } = "../shared/data/multiloc";

        [CommandOption("--limit <N>")]
        [Description("Train on N proteins spread evenly over the data (0 = all).")]
        [DefaultValue(960)]
        public int Limit { get; init; } = 960;

        [CommandOption("--hidden <N>")]
        [DefaultValue(128)]
        public int Hidden { get; init; } = 128;

        [CommandOption("--arch <ARCH>")]
        [Description("rlstm or alstm.")]
        [DefaultValue("rlstm")]
        public string Architecture { get; init; } = "rlstm";

        [CommandOption("--threads <N>")]
        [Description("CPU threads (0 = one per core).")]
        [DefaultValue(0)]
        public int Threads { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        TorchRuntime.Configure(settings.Threads);
        var all = LabelledDataReader.Read(settings.Data);
        int step = settings.Limit > 0 ? Math.Max(1, all.Proteins.Count / settings.Limit) : 1;
        var subset = all.Proteins.Where((_, i) => i % step == 0).Take(settings.Limit > 0 ? settings.Limit : int.MaxValue);
        var train = LabelledSequences.From(new LabelledDataSet(subset, all.Source, all.Locations));
        var options = new TrainingOptions
        {
            Architecture = settings.Architecture == "alstm" ? Models.Architecture.ALstm : Models.Architecture.RLstm,
            Hidden = settings.Hidden, Epochs = 1, LearningRate = 1e-3, ClipNorm = 5, Membrane = train.HasMembraneFlags,
        };
        var sequences = train.Sequences.Select(s => Truncation.Truncate(s, options.MaxLength)).ToList();
        long residues = sequences.Sum(s => (long)s.Length);
        Console.WriteLine($"data {settings.Data}: {train.Count} proteins, {residues} residues after truncation; {settings.Architecture} hidden {settings.Hidden}, batch {options.BatchSize}, threads {get_num_threads()}");

        BareTrainingStep(train, sequences, options, maxBatches: 3);  // warm-up: libtorch's first calls are slow
        double epoch = TrainerEpoch(train, options);
        double bare = BareTrainingStep(train, sequences, options);
        Console.WriteLine($"training epoch (Trainer): {epoch:F1} s, {residues / epoch:F0} residues/s");
        Console.WriteLine($"bare forward+backward+step: {bare:F1} s, {residues / bare:F0} residues/s");
        Console.WriteLine($"training epoch / bare forward+backward time: {epoch / bare:F2}");
        if (options.Membrane)
            Console.WriteLine("note: the bare loop leaves out the membrane loss that the trainer adds (this data has membrane labels)");
        return 0;
    }

    /// <summary>Seconds of one epoch as the trainer reports it (the checkpoint write after it is not counted).</summary>
    static double TrainerEpoch(LabelledSequences train, TrainingOptions options)
    {
        string checkpoint = Path.Combine(Path.GetTempPath(), $"locsharp-bench-{Environment.ProcessId}.checkpoint");
        var observer = new EpochClock();
        try
        {
            using var model = Trainer.Train(train, null, options, new DataDescription("bench", null, [], null), checkpoint, resume: false, observer);
        }
        finally
        {
            File.Delete(checkpoint);
        }
        return observer.Seconds;
    }

    /// <summary>The proteins' batches through forward, loss, backward, clipping and Adam only.</summary>
    static double BareTrainingStep(LabelledSequences train, List<string> sequences, TrainingOptions options, int maxBatches = int.MaxValue)
    {
        manual_seed(options.Seed);
        using var network = LocalizationNetwork.Create(options.ToModelConfig(train.Locations.Count));
        using var optimizer = optim.Adam(network.parameters(), options.LearningRate);
        network.train();
        var lengths = sequences.Select(s => s.Length).ToList();
        var batches = LengthBuckets.Shuffled(lengths, options.BatchSize, new Random(options.Seed)).Take(maxBatches)
            .Select(items => (Batch: EncodedBatch.Create(sequences, items, options.InputFeatures),
                Labels: tensor(items.Select(i => (long)train.Labels[i]).ToArray()))).ToList();
        var clock = Stopwatch.StartNew();
        foreach (var (batch, labels) in batches)
        {
            using var scope = NewDisposeScope();
            using var output = network.call(batch.Features, batch.Lengths);
            var loss = nn.functional.cross_entropy(output.Logits, labels);
            optimizer.zero_grad();
            loss.backward();
            nn.utils.clip_grad_norm_(network.parameters(), options.ClipNorm);
            optimizer.step();
        }
        double seconds = clock.Elapsed.TotalSeconds;
        foreach (var (batch, labels) in batches) { batch.Dispose(); labels.Dispose(); }
        return seconds;
    }

    sealed class EpochClock : ITrainingObserver
    {
        public double Seconds { get; private set; }
        public void EpochDone(EpochReport report, bool isBest) => Seconds = report.Seconds;
    }
}
