using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LocSharp.Cli.Infrastructure;

/// <summary>
/// Shows proteins done of the total, percent, rate and time left while a verb runs over proteins, when standard error
/// is a terminal (Spectre redraws it ten times a second); nothing otherwise. The library reports through the
/// <see cref="IProgress{T}"/> it is given; with an unknown total (standard input) the count and rate show alone.
/// </summary>
public sealed class ProteinProgress : IProgress<long>
{
    readonly ProgressTask task;
    bool known;

    ProteinProgress(ProgressTask task, bool known) => (this.task, this.known) = (task, known);

    /// <param name="label">What is being done, e.g. "predicting".</param>
    /// <param name="total">Proteins in all; null when unknown.</param>
    public static T Run<T>(CliEnvironment environment, string label, long? total, Func<IProgress<long>?, T> work)
    {
        if (!environment.ErrorIsTerminal) return work(null);
        return environment.Error.Progress()
            .Columns(Columns())
            .Start(context =>
            {
                var task = context.AddTask(label, autoStart: true, maxValue: Math.Max(total ?? 1, 1));
                task.IsIndeterminate = total is null;
                var result = work(new ProteinProgress(task, total is not null));
                if (total is not null) task.Value = task.MaxValue;
                return result;
            });
    }

    /// <summary>The columns of every protein progress display: description, bar, percent, count and rate, time left.</summary>
    public static ProgressColumn[] Columns() =>
        [new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new CountColumn(), new RemainingTimeColumn()];

    public void Report(long done)
    {
        if (!known && done > task.MaxValue) task.MaxValue = done;
        task.Value = done;
    }

    /// <summary>For work that learns its total as it goes (the sequences a cache does not hold): done of total.</summary>
    public void Report(int done, int total)
    {
        known = true;
        task.IsIndeterminate = false;
        task.MaxValue = Math.Max(total, 1);
        task.Value = done;
    }

    /// <summary>"1,234/5,678 proteins, 45.6/s" (without the total when it is unknown).</summary>
    sealed class CountColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            var c = CultureInfo.InvariantCulture;
            string count = task.IsIndeterminate ? task.Value.ToString("N0", c) : $"{task.Value.ToString("N0", c)}/{task.MaxValue.ToString("N0", c)}";
            string rate = task.Speed is double speed ? $", {speed.ToString("0.0", c)}/s" : "";
            return new Text($"{count}{rate}");
        }
    }
}
