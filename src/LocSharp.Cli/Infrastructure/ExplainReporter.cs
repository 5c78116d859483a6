using LocSharp.Explain;

namespace LocSharp.Cli.Infrastructure;

/// <summary>
/// Shows an explanation's progress: one progress bar per stage (network, track figures, t-SNE, ...), with done of
/// total, percent, rate and time left, when standard error is a terminal; nothing otherwise. Also prints the explain
/// verbs' shared summaries on standard output.
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

    /// <summary>
    /// Prints the per-signal table (how much of a protein's attention or attribution lies inside its annotated sorting
    /// signal, per signal kind) on standard output: <paramref name="heading"/>, the column header, one row per kind.
    /// </summary>
    public static void WriteSignalTable(CliEnvironment environment, string heading, IReadOnlyList<SignalAttentionSummary> signals)
    {
        environment.Out.WriteLine(heading);
        environment.Out.WriteLine($"{"signal",-7}{"n",6}{"inside",10}{"uniform",10}{"mean enr.",11}{"median enr.",13}");
        foreach (var s in signals)
            environment.Out.WriteLine($"{SignalAttentionMeasure.Code(s.Type),-7}{s.Count,6}{s.MeanMass,10:F3}{s.MeanExpected,10:F3}{s.MeanEnrichment,11:F2}{s.MedianEnrichment,13:F2}");
    }

    public void Report(ExplainProgress value)
    {
        if (!tasks.TryGetValue(value.Stage, out var task))
            tasks[value.Stage] = task = context.AddTask(value.Stage, autoStart: true, maxValue: Math.Max(value.Total, 1));
        task.MaxValue = Math.Max(value.Total, 1);
        task.Value = value.Done;
    }
}
