using System.Reflection;
using LocSharp.Cli.Commands;
using LocSharp.Sequences;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Infrastructure;

/// <summary>Registers the verbs. Program.cs runs it on the process's streams, tests on their own.</summary>
public static class CommandApplication
{
    public static int Run(string[] args, CliEnvironment environment, IAnsiConsole helpConsole, CancellationToken cancellation = default)
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        // Every number printed or written reads the same in every locale (0.5000, never 0,5000).
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        try
        {
            return Run(args, environment, helpConsole, cancellation, Verbs);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    /// <summary>Every verb and the settings it reads, for suggestions on a mistyped option.</summary>
    static readonly Dictionary<string, Type> Verbs = new()
    {
        ["predict"] = typeof(PredictCommand.Settings), ["train"] = typeof(TrainCommand.Settings), ["cv"] = typeof(CvCommand.Settings),
        ["ensemble"] = typeof(EnsembleCommand.Settings), ["evaluate"] = typeof(EvaluateCommand.Settings),
        ["explain attention"] = typeof(ExplainAttentionCommand.Settings), ["explain filters"] = typeof(ExplainFiltersCommand.Settings),
        ["explain embedding"] = typeof(ExplainEmbeddingCommand.Settings),
    };

    static int Run(string[] args, CliEnvironment environment, IAnsiConsole helpConsole, CancellationToken cancellation, Dictionary<string, Type> verbs)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("locsharp");
            config.SetApplicationVersion(typeof(CommandApplication).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");
            config.Settings.Console = helpConsole;
            config.Settings.Registrar.RegisterInstance(environment);
            config.Settings.StrictParsing = true;
            config.SetExceptionHandler((exception, _) => ErrorReporter.Report(
                exception is CommandParseException or CommandRuntimeException ? new UsageException(Suggestions.Improve(exception.Message, args, verbs)) : exception,
                environment.Error));

            config.AddCommand<PredictCommand>("predict")
                .WithDescription("Predict the location of every protein in a FASTA file.")
                .WithExample("predict", "examples/proteins.fasta")
                .WithExample("predict", "proteome.fasta.gz", "-o", "locations.tsv", "--format", "tsv");
            config.AddCommand<ProfileCommand>("profile")
                .WithDescription("Compute an evolutionary profile of every protein in a FASTA file with MMseqs2 or PSI-BLAST.")
                .WithExample("profile", "proteins.fasta", "--db", "swissprot2014.fasta", "-o", "proteins.profiles.tsv.gz");
            config.AddCommand<SplitCommand>("split")
                .WithDescription("Cut a FASTA file into N consecutive parts of similar residue count, to predict them in parallel.")
                .WithExample("split", "proteome.fasta.gz", "-n", "4", "-o", "parts");
            config.AddCommand<MergeCommand>("merge")
                .WithDescription("Join the predictions of consecutive parts into the table one predict of the whole input writes.")
                .WithExample("merge", "parts/part-1.csv", "parts/part-2.csv", "-o", "locations.csv");
            config.AddCommand<TrainCommand>("train")
                .WithDescription("Train an R-LSTM or A-LSTM on labelled proteins.")
                .WithExample("train", "../shared/data/multiloc", "--split", "../shared/data/multiloc/split.tsv", "-o", "rlstm.lsm");
            config.AddCommand<CvCommand>("cv")
                .WithDescription("Cross-validate training settings over the training partitions of a split.");
            config.AddCommand<EnsembleCommand>("ensemble")
                .WithDescription("Join trained models into one model that averages their probabilities.");
            config.AddCommand<EvaluateCommand>("evaluate")
                .WithDescription("Accuracy, per-location precision, recall and MCC, the confusion matrix, and calibration (ECE, Brier, NLL; --figures for the reliability diagram).");
            config.AddCommand<CalibrateCommand>("calibrate")
                .WithDescription("Fit the temperature that makes a model's probabilities honest, on held-out labelled proteins, and write the calibrated model.")
                .WithExample("calibrate", "-m", "rlstm.lsm", "../shared/data/deeploc/deeploc_dev.fasta", "--mapping", "multiloc-to-deeploc", "-o", "rlstm-calibrated.lsm");
            config.AddCommand<ServeCommand>("serve")
                .WithDescription("Serve the prediction page and its JSON API on this computer (http://127.0.0.1:8080/).")
                .WithExample("serve")
                .WithExample("serve", "-m", "models/rlstm-multiloc.lsm", "-m", "models/alstm-multiloc.lsm", "--port", "9000");
            config.AddBranch("explain", explain =>
            {
                explain.SetDescription("Show what drives a model's predictions.");
                explain.AddCommand<ExplainAttentionCommand>("attention")
                    .WithDescription("Attention weight at every position of an A-LSTM, alone or the one of an ensemble such as the default model: attention.tsv, attention-heatmap.svg/.png by true location (labelled input), tracks/ID.svg/.png, and the attention inside annotated sorting signals (signal-attention.tsv, also printed).")
                    .WithExample("explain", "attention", "-m", "alstm.lsm", "../shared/data/multiloc", "--split", "../shared/data/multiloc/split.tsv", "--partition", "test", "-o", "attention")
                    .WithExample("explain", "attention", "-m", "alstm.lsm", "proteome.fasta", "-o", "attention", "--max-tracks", "10");
                explain.AddCommand<ExplainResiduesCommand>("residues")
                    .WithDescription("Per-residue attribution toward the predicted (or --class) location for any model, by integrated gradients from an all-X baseline: residues.tsv, residue-proteins.tsv, residue-tracks/ID.svg/.png, and the share inside annotated sorting signals (signal-attribution.tsv, also printed).")
                    .WithExample("explain", "residues", "examples/proteins.fasta", "-o", "evidence");
                explain.AddCommand<ExplainFiltersCommand>("filters")
                    .WithDescription("First-layer convolution filters as sequence logos (filters-wWIDTH.svg/.png, one grid per width) and MEME motifs (filters.meme).")
                    .WithExample("explain", "filters", "-m", "alstm.lsm", "-o", "filters");
                explain.AddCommand<ExplainEmbeddingCommand>("embedding")
                    .WithDescription("Fixed-length representation of every protein (embedding.tsv; an ensemble's networks' representations joined) and a t-SNE map of them (tsne.tsv, tsne.svg/.png coloured by location).")
                    .WithExample("explain", "embedding", "-m", "rlstm.lsm", "../shared/data/multiloc", "--split", "../shared/data/multiloc/split.tsv", "--partition", "test", "-o", "embedding");
            });
        });
        // Spectre's parser takes a bare "-" for an option; pass standard input by its name (CliEnvironment.Input reads both).
        return app.Run(args.Select(arg => arg == FastaReader.StandardInput ? FastaReader.StandardInputName : arg), cancellation);
    }
}
