using System.ComponentModel;
using LocSharp.Cli.Infrastructure;
using LocSharp.Cli.Settings;
using LocSharp.Evaluation;
using LocSharp.Sequences;
using LocSharp.Explain.Figures;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Commands;

/// <summary>`locsharp evaluate`: accuracy, per-location precision, recall and MCC, the confusion matrix, and how
/// well calibrated the probabilities are.</summary>
public sealed class EvaluateCommand(CliEnvironment environment) : Command<EvaluateCommand.Settings>
{
    public sealed class Settings : ScoringDataSettings
    {
        [CommandOption("--json")]
        [Description("Write the report as JSON instead of text.")]
        public bool Json { get; init; }

        [CommandOption("--uncalibrated")]
        [Description("Score the networks' raw probabilities, ignoring the temperature the model file carries.")]
        public bool Uncalibrated { get; init; }

        [CommandOption("--figures <DIR>")]
        [Description("Also draw the reliability diagram (accuracy against confidence per bin, with counts) as DIR/" + ReliabilityDiagram.FileName + ".svg/.png.")]
        public string? Figures { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        Threads.Configure(settings.Threads, environment, ThreadUse.AcrossBatches);
        using var model = Models.ModelFile.Load(settings.Model);
        if (settings.Uncalibrated) model.Calibration = null;
        var (data, mapping) = settings.ReadData(model, environment);
        var profiles = settings.ProfilesFor(model, settings.Model, environment,
            data.Proteins.Select(p => new FastaRecord(p.Id, "", p.Sequence, 0)), cancellation);
        var report = ProteinProgress.Run(environment, "evaluating", data.Proteins.Count,
            progress => ModelEvaluation.Evaluate(model, data, mapping, profiles: profiles, progress: progress));
        environment.Out.Write(settings.Json ? EvaluationJson.Serialize(report) + "\n" : EvaluationText.Render(report));
        if (settings.Figures != null && report.Calibration is { } calibration)
        {
            Directory.CreateDirectory(settings.Figures);
            string state = model.Calibration is { } c ? $"temperature {c.Temperature:0.###}" : "uncalibrated";
            var files = ReliabilityDiagram.Write(Path.Combine(settings.Figures, ReliabilityDiagram.FileName), calibration,
                $"{Path.GetFileName(settings.Model)} ({state}) on {Path.GetFileName(Path.TrimEndingDirectorySeparator(settings.Data))}" +
                (settings.Partition is null ? "" : $" [{settings.Partition}]"));
            environment.Error.WriteLine($"wrote the reliability diagram to {files.SvgPath} and {files.PngPath}");
        }
        return ExitCodes.Success;
    }
}
