using System.ComponentModel;
using LocSharp.Cli.Infrastructure;
using LocSharp.Cli.Settings;
using LocSharp.Explain;
using LocSharp.Models;
using LocSharp.Projection;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Commands;

/// <summary>
/// `locsharp explain embedding`: every protein's fixed-length representation (R-LSTM: joined last states; A-LSTM:
/// attention context c) and a t-SNE map of them coloured by location.
/// </summary>
public sealed class ExplainEmbeddingCommand(CliEnvironment environment) : Command<ExplainEmbeddingCommand.Settings>
{
    public sealed class Settings : ExplainInputSettings
    {
        [CommandOption("--perplexity <P>")]
        [Description("t-SNE perplexity, the effective number of neighbours (at most (proteins − 1) / 3 unless --theta 0).")]
        [DefaultValue(30.0)]
        public double Perplexity { get; init; } = 30;

        [CommandOption("--iterations <N>")]
        [Description("t-SNE gradient steps.")]
        [DefaultValue(1000)]
        public int Iterations { get; init; } = 1000;

        [CommandOption("--seed <N>")]
        [Description("t-SNE random seed; the same seed gives the same map.")]
        [DefaultValue(42)]
        public int Seed { get; init; } = 42;

        [CommandOption("--theta <T>")]
        [Description("Barnes-Hut accuracy, from 0 to 1; 0 = exact t-SNE (slow beyond a few thousand proteins).")]
        [DefaultValue(0.5)]
        public double Theta { get; init; } = 0.5;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        Threads.Configure(settings.Threads, environment, ThreadUse.AcrossBatches);
        using var model = settings.LoadModel();
        var input = settings.ReadInput(environment);
        var options = new EmbeddingExplanationOptions
        {
            Tsne = new TsneOptions(Perplexity: settings.Perplexity, Iterations: settings.Iterations, Seed: settings.Seed, Theta: settings.Theta),
            BatchSize = settings.BatchSize,
            Profiles = settings.ProfilesFor(model, input, environment, cancellation),
        };
        var result = ExplainReporter.Run(environment, progress =>
            EmbeddingReport.Write(EmbeddingExplanation.Compute(model, input, options, progress), settings.Output, Path.GetFileName(settings.ModelPath)));
        if (result.Tsne.Perplexity != settings.Perplexity || result.Tsne.Theta != settings.Theta)
            environment.Error.WriteLine($"note: {result.Proteins} proteins allow at most perplexity {result.Tsne.Perplexity:0.##}" +
                $"{(result.Tsne.Theta != settings.Theta ? " with exact t-SNE (--theta 0)" : "")}; used that instead of --perplexity {settings.Perplexity:0.##}.");
        environment.Error.WriteLine(
            $"wrote {settings.Output}: {EmbeddingReport.RepresentationFile} ({result.Proteins} proteins × {result.Dimensions} dimensions), {EmbeddingReport.MapFile}, {EmbeddingReport.FigureFile}.svg/.png (coloured by {result.ColouredBy})");
        return ExitCodes.Success;
    }
}
