using System.Collections.Concurrent;
using LocSharp.Data;
using LocSharp.Models;
using LocSharp.Profiles;

namespace LocSharp.Prediction;

/// <summary>
/// The one batched-inference core of LocSharp (prediction, evaluation, calibration, explanations, the benchmark):
/// proteins cut into length-bucketed batches, and a computation on each batch run on several threads at once,
/// results in batch order.
/// </summary>
public static class BatchedInference
{
    /// <summary>
    /// Cap on a batch's padded positions. It bounds a batch's memory (long proteins go in small batches) and it sets
    /// the speed: on 2 cores with two batches at once, all of MultiLoc through `deeploc.lsm` (hidden 128, batches of
    /// 64) took 19.8-21.0 s of network time with at most 8,192 positions, 17.4-18.1 s with 12,288 and, in batches of
    /// 128, 38.8-43.5 s with 16,384 (a cliff, measured but not explained); 2,000 of them through
    /// `rlstm-multiloc.lsm` (hidden 256) 15.9-16.0 s, 14.4-15.1 s and 14.1-14.3 s with 6,144, 8,192 and 12,288
    /// (docs/performance.md).
    /// </summary>
    public const int DefaultMaxBatchResidues = 12_288;

    /// <summary>Batches to run at once for <paramref name="model"/>: one while it is being trained (its networks
    /// switch to evaluation mode for each call), else <paramref name="workers"/> or <see cref="TorchRuntime.InferenceWorkers"/>.</summary>
    public static int WorkersFor(TrainedModel model, int? workers = null) =>
        model.Networks.Any(n => n.training) ? 1 : workers ?? TorchRuntime.InferenceWorkers;

    /// <summary>
    /// Batches of proteins held in memory, encoded one at a time as the enumeration reaches them. Each batch's
    /// <see cref="EncodedBatch.Items"/> index <paramref name="sequences"/>; the consumer disposes each batch.
    /// </summary>
    /// <param name="sequences">Whole sequences; they are cut to the model's maximum length here.</param>
    /// <param name="profiles">For a profile model, the sequences' profiles, index for index.</param>
    /// <exception cref="ArgumentException">A profile model was given no profiles.</exception>
    public static IEnumerable<EncodedBatch> Batches(TrainedModel model, IReadOnlyList<string> sequences, IReadOnlyList<Profile>? profiles,
        int batchSize, int maxBatchResidues = DefaultMaxBatchResidues)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), $"The batch size must be positive, not {batchSize}.");
        NetworkInput.RequireProfiles(model, profiles != null, nameof(profiles));
        var read = sequences.Select(s => NetworkInput.Sequence(model, s)).ToList();
        var readProfiles = model.NeedsProfiles ? profiles!.Select(p => p.Truncate(model.MaxLength)).ToList() : null;
        return LengthBuckets.Sorted(read.Select(s => s.Length).ToList(), batchSize, maxBatchResidues)
            .Select(items => EncodedBatch.Create(read, items, model.InputFeatures, readProfiles));
    }

    /// <summary>
    /// <paramref name="compute"/> of every item of <paramref name="source"/>, <paramref name="workers"/> items at a
    /// time on threads of their own, yielded in source order. The source is read one item at a time, under a lock, as
    /// workers become free, so it may encode lazily. With one worker everything runs on the calling thread. An
    /// exception of the source or of a computation surfaces as itself when the enumeration reaches its item.
    /// Ending the enumeration waits for the workers, so a source that can block must be cancelled first.
    /// </summary>
    /// <param name="workers">Items computed at once; see <see cref="TorchRuntime.InferenceWorkers"/>.</param>
    public static IEnumerable<TResult> Map<TItem, TResult>(IEnumerable<TItem> source, Func<TItem, TResult> compute, int workers,
        CancellationToken cancel = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        return workers == 1
            ? source.Select(item => { cancel.ThrowIfCancellationRequested(); return compute(item); })
            : MapOnThreads(source, compute, workers, cancel);
    }

    /// <remarks>Dedicated threads rather than the thread pool's: on 2 cores the pool starts with 2 threads, and a
    /// second worker waiting for one ran nothing in parallel for the first half-second.</remarks>
    static IEnumerable<TResult> MapOnThreads<TItem, TResult>(IEnumerable<TItem> source, Func<TItem, TResult> compute, int workers,
        CancellationToken cancel)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        // Results in source order, at most two per worker ahead of the consumer.
        using var pending = new BlockingCollection<TaskCompletionSource<TResult>>(2 * workers);
        using var items = source.GetEnumerator();
        var gate = new object();
        bool ended = false;

        void Work()
        {
            TorchRuntime.PrepareWorkerThread();
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    TItem item;
                    var slot = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
                    lock (gate)
                    {
                        if (ended) return;
                        try
                        {
                            if (!items.MoveNext())
                            {
                                ended = true;
                                pending.CompleteAdding();
                                return;
                            }
                            item = items.Current;
                        }
                        catch (Exception e)
                        {
                            ended = true;
                            slot.SetException(e);
                            pending.Add(slot, stop.Token);
                            pending.CompleteAdding();
                            return;
                        }
                        pending.Add(slot, stop.Token);   // in source order: added under the lock that read the item
                    }
                    try
                    {
                        slot.SetResult(compute(item));
                    }
                    catch (Exception e)
                    {
                        slot.SetException(e);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped early.
            }
        }

        var threads = Enumerable.Range(0, workers).Select(_ => new Thread(Work) { IsBackground = true, Name = "LocSharp batch" }).ToList();
        threads.ForEach(t => t.Start());
        try
        {
            foreach (var slot in pending.GetConsumingEnumerable(cancel))
                yield return slot.Task.GetAwaiter().GetResult();
        }
        finally
        {
            stop.Cancel();
            threads.ForEach(t => t.Join());
        }
    }
}
