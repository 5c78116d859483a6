using LocSharp.Explain;

namespace LocSharp.Cli.Infrastructure;

/// <summary>
/// Shows an explanation's progress: one progress bar per stage (network, track figures, t-SNE, ...), with done of
/// total, percent, rate and time left, when standard error is a terminal; nothing otherwise.
/// </summary>
public sealed class ExplainReporter : IProgress<ExplainProgress>
{
    readonly ProgressContext context;
    readonly Dictionary<string, ProgressTask> tasks = [];

    ExplainReporter(ProgressContext context) => this.context = context;

    /// <summary>Runs <paramref name="work"/> with a reporter, or with none when standard error is not a terminal.</summary>
    public static T Run<T>(CliEnvironment environment, Func<IProgress<ExplainProgress>?, T> work)
    {
        if (!environment.ErrorIsTerminal) return work(null);
        return environment.Error.Progress()
            .Columns(ProteinProgress.Columns())
            .Start(context => work(new ExplainReporter(context)));
    }

    public void Report(ExplainProgress value)
    {
        if (!tasks.TryGetValue(value.Stage, out var task))
            tasks[value.Stage] = task = context.AddTask(value.Stage, autoStart: true, maxValue: Math.Max(value.Total, 1));
        task.MaxValue = Math.Max(value.Total, 1);
        task.Value = value.Done;
    }
}
