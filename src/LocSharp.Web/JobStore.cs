using System.Collections.Concurrent;
using System.Security.Cryptography;
using LocSharp.Sequences;

namespace LocSharp.Web;

/// <summary>
/// The jobs the server holds. A finished job's results stay for <see cref="ServeOptions.JobLifetime"/>; a running
/// job nobody has asked about for <see cref="ServeOptions.JobAbandonedAfter"/> is cancelled (its page was closed).
/// IDs are random 128-bit values, so one client cannot guess another's job.
/// </summary>
public sealed class JobStore : IDisposable
{
    readonly ConcurrentDictionary<string, Job> jobs = new(StringComparer.Ordinal);
    readonly ServeOptions options;
    readonly PredictionService service;
    readonly TimeProvider clock;
    readonly ITimer sweeper;

    public JobStore(ServeOptions options, PredictionService service, TimeProvider clock)
    {
        (this.options, this.service, this.clock) = (options, service, clock);
        sweeper = clock.CreateTimer(_ => Sweep(), null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
    }

    public int Count => jobs.Count;

    /// <summary>Starts predicting <paramref name="records"/> in the background.</summary>
    /// <exception cref="RequestException">429: the server holds <see cref="ServeOptions.MaxJobs"/> jobs already.</exception>
    public Job Start(ServedModel model, IReadOnlyList<FastaRecord> records)
    {
        Sweep();
        if (jobs.Count >= options.MaxJobs)
            throw new RequestException(StatusCodes.Status429TooManyRequests,
                $"the server holds {options.MaxJobs} jobs, its limit; try again when some have finished or expired.");
        var job = new Job(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), model, records, clock.GetUtcNow());
        jobs[job.Id] = job;
        _ = Task.Run(() => job.RunAsync(service, clock));
        return job;
    }

    /// <summary>The job <paramref name="id"/>, marked as seen.</summary>
    /// <exception cref="RequestException">404: no such job (never made, expired or deleted).</exception>
    public Job Get(string id)
    {
        if (!jobs.TryGetValue(id, out var job))
            throw RequestException.NotFound($"no job {id}; finished jobs expire after {options.JobLifetime.TotalMinutes:0} minutes.");
        job.Seen(clock.GetUtcNow());
        return job;
    }

    /// <summary>Cancels and forgets the job <paramref name="id"/>.</summary>
    public void Delete(string id)
    {
        if (!jobs.TryRemove(id, out var job))
            throw RequestException.NotFound($"no job {id}.");
        job.Cancel();
    }

    /// <summary>Drops expired jobs and cancels abandoned ones.</summary>
    public void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var job in jobs.Values)
        {
            if (job.Status != JobStatus.Running && job.Finished is { } finished && now - finished > options.JobLifetime) jobs.TryRemove(job.Id, out _);
            else if (job.Status == JobStatus.Running && now - job.LastSeen > options.JobAbandonedAfter) job.Cancel();
        }
    }

    public void Dispose()
    {
        sweeper.Dispose();
        foreach (var job in jobs.Values) job.Cancel();
    }
}
