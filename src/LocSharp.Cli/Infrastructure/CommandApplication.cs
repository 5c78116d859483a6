using System.Reflection;
using LocSharp.Cli.Commands;
using LocSharp.Sequences;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Infrastructure;

/// <summary>Registers the verbs. Program.cs runs it on the process's streams, tests on their own.</summary>
public static class CommandApplication
{
    public static int Run(string[] args, CliEnvironment environment, IAnsiConsole helpConsole)
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
            config.SetExceptionHandler((exception, _) => ErrorReporter.Report(exception, environment.Error));

            config.AddCommand<PredictCommand>("predict")
                .WithDescription("Predict the location of every protein in a FASTA file.")
                .WithExample("predict", "examples/proteins.fasta")
                .WithExample("predict", "proteome.fasta.gz", "-o", "locations.tsv", "--format", "tsv");
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
                .WithDescription("Accuracy, per-location precision, recall and MCC, and the confusion matrix.");
            config.AddBranch("explain", explain =>
            {
                explain.SetDescription("Show what drives a model's predictions.");
                explain.AddCommand<ExplainAttentionCommand>("attention")
                    .WithDescription("Attention weight at every position (A-LSTM models): attention.tsv, attention-heatmap.svg/.png by true location (labelled input), tracks/ID.svg/.png, and the attention inside annotated sorting signals (signal-attention.tsv, also printed).")
                    .WithExample("explain", "attention", "-m", "alstm.lsm", "../shared/data/multiloc", "--split", "../shared/data/multiloc/split.tsv", "--partition", "test", "-o", "attention")
                    .WithExample("explain", "attention", "-m", "alstm.lsm", "proteome.fasta", "-o", "attention", "--max-tracks", "10");
                explain.AddCommand<ExplainFiltersCommand>("filters")
                    .WithDescription("First-layer convolution filters as sequence logos (filters-wWIDTH.svg/.png, one grid per width) and MEME motifs (filters.meme).")
                    .WithExample("explain", "filters", "-m", "alstm.lsm", "-o", "filters");
                explain.AddCommand<ExplainEmbeddingCommand>("embedding")
                    .WithDescription("Fixed-length representation of every protein (embedding.tsv) and a t-SNE map of them (tsne.tsv, tsne.svg/.png coloured by location).")
                    .WithExample("explain", "embedding", "-m", "rlstm.lsm", "../shared/data/multiloc", "--split", "../shared/data/multiloc/split.tsv", "--partition", "test", "-o", "embedding");
            });
        });
        // Spectre's parser takes a bare "-" for an option; pass standard input by the name the FASTA reader gives it.
        return app.Run(args.Select(arg => arg == FastaReader.StandardInput ? FastaReader.StandardInputName : arg));
    }
}
