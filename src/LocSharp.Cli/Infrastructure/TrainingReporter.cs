using System.Globalization;
using LocSharp.Training;
using Spectre.Console;

namespace LocSharp.Cli.Infrastructure;

/// <summary>
/// Shows a training run: a progress bar (epoch, loss, validation accuracy, time left) when standard error is a
/// terminal, else a line per epoch; and appends a line per epoch to a tab-separated log file.
/// </summary>
public sealed class TrainingReporter : ITrainingObserver
{
    const string LogHeader = "epoch\tlearning_rate\ttrain_loss\ttrain_accuracy\tvalidation_accuracy\tpadding_fraction\tseconds";

    readonly CliEnvironment environment;
    readonly string logPath;
    readonly string label;
    ProgressTask? epochs, batches;

    TrainingReporter(CliEnvironment environment, string logPath, string label)
    {
        this.environment = environment;
        this.logPath = logPath;
        this.label = label;
    }

    /// <summary>Runs <paramref name="train"/> with a reporter for it.</summary>
    public static T Run<T>(CliEnvironment environment, string logPath, string label, Func<ITrainingObserver, T> train)
    {
        var reporter = new TrainingReporter(environment, logPath, label);
        if (!environment.ErrorIsTerminal) return train(reporter);
        return environment.Error.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                reporter.epochs = context.AddTask(label, autoStart: true);
                reporter.batches = context.AddTask("epoch", autoStart: true);
                return train(reporter);
            });
    }

    public void Started(int epochsDone, int epochCount, int batchesPerEpoch, double paddingFraction)
    {
        if (!File.Exists(logPath) || epochsDone == 0) File.WriteAllText(logPath, LogHeader + "\n");
        string start = epochsDone == 0 ? "starting" : $"resuming after epoch {epochsDone}";
        environment.Error.WriteLine($"{label}: {start} of {epochCount} epochs, {batchesPerEpoch} batches each, {paddingFraction:P1} of positions padded; log in {logPath}");
        if (epochs != null)
        {
            epochs.MaxValue = epochCount;
            epochs.Value = epochsDone;
        }
    }

    public void BatchDone(int epoch, int batch, int batchCount, double meanLoss)
    {
        if (batches == null) return;
        batches.MaxValue = batchCount;
        batches.Value = batch;
        batches.Description = $"epoch {epoch} loss {meanLoss:F3}";
    }

    public void EpochDone(EpochReport report, bool isBest)
    {
        var c = CultureInfo.InvariantCulture;
        File.AppendAllText(logPath, string.Join('\t',
            report.Epoch.ToString(c), report.LearningRate.ToString("G4", c), report.TrainLoss.ToString("F4", c),
            report.TrainAccuracy.ToString("F4", c), report.ValidationAccuracy?.ToString("F4", c) ?? "",
            report.PaddingFraction.ToString("F4", c), report.Seconds.ToString("F1", c)) + "\n");
        string validation = report.ValidationAccuracy is double v ? $", validation accuracy {v:F4}{(isBest ? " (best)" : "")}" : "";
        string line = $"{label}: epoch {report.Epoch}: loss {report.TrainLoss:F4}, train accuracy {report.TrainAccuracy:F4}{validation}, {report.Seconds:F0} s";
        if (epochs == null)
        {
            environment.Error.WriteLine(line);
            return;
        }
        epochs.Value = report.Epoch;
        epochs.Description = $"{label} epoch {report.Epoch}/{epochs.MaxValue}{(report.ValidationAccuracy is double a ? $" val {a:F3}" : "")}";
    }
}
