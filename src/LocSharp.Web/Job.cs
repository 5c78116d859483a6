using LocSharp.Prediction;
using LocSharp.Sequences;

namespace LocSharp.Web;

public enum JobStatus { Running, Done, Failed, Cancelled }

/// <summary>One prediction run in the background, for inputs long enough to want a progress bar.</summary>
public sealed class Job(string id, ServedModel model, IReadOnlyList<FastaRecord> records, DateTimeOffset now)
{
    readonly CancellationTokenSource cancel = new();
    int done;
    volatile JobStatus status = JobStatus.Running;

    public string Id { get; } = id;
    public ServedModel Model { get; } = model;
    public IReadOnlyList<FastaRecord> Records { get; } = records;
    public int Total => Records.Count;
    public int Done => Volatile.Read(ref done);
    /// <summary>Written after <see cref="Results"/> and <see cref="Error"/>, so a reader that sees it finished sees them.</summary>
    public JobStatus Status => status;

    /// <summary>The predictions, in input order, once <see cref="Status"/> is Done.</summary>
    public IReadOnlyList<ProteinPrediction>? Results { get; private set; }

    /// <summary>Why the job failed, for the client.</summary>
    public string? Error { get; private set; }

    /// <summary>When a client last asked about the job (a running job nobody asks about is abandoned).</summary>
    public DateTimeOffset LastSeen { get; private set; } = now;

    public DateTimeOffset? Finished { get; private set; }

    public CancellationToken Cancellation => cancel.Token;

    public void Seen(DateTimeOffset now) => LastSeen = now;

    public void Cancel() => cancel.Cancel();

    /// <summary>Runs the prediction to its end; never throws.</summary>
    public async Task RunAsync(PredictionService service, TimeProvider clock)
    {
        try
        {
            Results = await service.PredictAsync(Model, Records, new Progress(this), cancel.Token);
            Finished = clock.GetUtcNow();
            status = JobStatus.Done;
        }
        catch (OperationCanceledException)
        {
            Finish(JobStatus.Cancelled, "the job was cancelled.", clock);
        }
        catch (RequestException e)
        {
            Finish(JobStatus.Failed, e.Message, clock);
        }
        catch (Exception e)
        {
            Finish(JobStatus.Failed, $"unexpected {e.GetType().Name}: {e.Message}", clock);
        }
    }

    void Finish(JobStatus end, string error, TimeProvider clock)
    {
        (Error, Finished) = (error, clock.GetUtcNow());
        status = end;
    }

    sealed class Progress(Job job) : IProgress<int>
    {
        public void Report(int value) => Volatile.Write(ref job.done, value);
    }
}
