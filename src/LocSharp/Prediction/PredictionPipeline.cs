using System.Collections.Concurrent;
using LocSharp.Data;
using LocSharp.Encoding;
using LocSharp.Models;
using LocSharp.Profiles;
using LocSharp.Sequences;
using static TorchSharp.torch;

namespace LocSharp.Prediction;

/// <summary>
/// FASTA records in, predictions out in input order. Records are read in chunks; each chunk is sorted by length
/// and cut into batches of similar length, so little of any batch is padding. A producer thread reads and
/// encodes the next batches while <paramref name="workers"/> batches run through the network at once
/// (<see cref="BatchedInference.Map"/>).
/// </summary>
/// <param name="maxBatchResidues">Cap on a batch's padded positions (<see cref="BatchedInference.DefaultMaxBatchResidues"/>).</param>
/// <param name="profiles">The proteins' profiles, by ID: required by a profile model, ignored otherwise.</param>
/// <param name="workers">Batches run at once; default <see cref="TorchRuntime.InferenceWorkers"/>.</param>
public sealed class PredictionPipeline(TrainedModel model, int batchSize = 64, int chunkProteins = 8192,
    int maxBatchResidues = BatchedInference.DefaultMaxBatchResidues, ProfileSet? profiles = null, int? workers = null)
{
    /// <summary>Batches encoded ahead of the network; bounds memory to a few batches of features.</summary>
    const int QueuedBatches = 4;

    abstract record Work;
    sealed record ChunkStart(IReadOnlyList<(string Id, int Length)> Proteins) : Work;
    sealed record BatchReady(int[] Items, EncodedBatch Batch) : Work;
    sealed record BatchDone(int[] Items, float[][] Probabilities, float[]? Membrane) : Work;

    public TrainedModel Model => model;

    /// <summary>Predicts every record; invalid input throws when the reader reaches it.</summary>
    /// <param name="progress">Told the proteins predicted so far after every batch (results are yielded a chunk at a time).</param>
    public IEnumerable<ProteinPrediction> Predict(IEnumerable<FastaRecord> records, CancellationToken cancel = default,
        IProgress<long>? progress = null)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), "The batch size must be at least 1.");
        NetworkInput.RequireProfiles(model, profiles != null, nameof(profiles));
        using var queue = new BlockingCollection<Work>(QueuedBatches);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var producer = Task.Run(() => Produce(records, queue, stop.Token), stop.Token);
        var computed = BatchedInference.Map(queue.GetConsumingEnumerable(stop.Token), Compute, BatchedInference.WorkersFor(model, workers), stop.Token).GetEnumerator();
        try
        {
            IReadOnlyList<(string Id, int Length)> chunk = [];
            float[][] probabilities = [];
            float[] membrane = [];
            int done = 0;
            long predicted = 0;
            while (computed.MoveNext())
            {
                var work = computed.Current;
                if (work is ChunkStart start)
                {
                    (chunk, probabilities, membrane, done) = (start.Proteins, new float[start.Proteins.Count][], new float[start.Proteins.Count], 0);
                    continue;
                }
                var batch = (BatchDone)work;
                for (int b = 0; b < batch.Items.Length; b++)
                {
                    probabilities[batch.Items[b]] = batch.Probabilities[b];
                    if (batch.Membrane is { } flags) membrane[batch.Items[b]] = flags[b];
                }
                done += batch.Items.Length;
                progress?.Report(predicted += batch.Items.Length);
                if (done < chunk.Count) continue;
                for (int i = 0; i < chunk.Count; i++)
                    yield return new ProteinPrediction(chunk[i].Id, chunk[i].Length,
                        Truncation.IsTruncated(chunk[i].Length, model.MaxLength), probabilities[i],
                        model.PredictsMembrane ? membrane[i] : null);
            }
            producer.GetAwaiter().GetResult();
        }
        finally
        {
            // Cancel first: the workers may be waiting for the queue, and disposing the enumerator waits for them.
            stop.Cancel();
            try { computed.Dispose(); } catch (Exception e) when (e is OperationCanceledException or AggregateException) { }
            try { producer.Wait(); } catch (AggregateException) { }
            while (queue.TryTake(out var left)) (left as BatchReady)?.Batch.Dispose();
        }
    }

    /// <summary>A batch's predictions, on a worker thread; other work passes through.</summary>
    Work Compute(Work work)
    {
        if (work is not BatchReady ready) return work;
        using (ready.Batch)
        {
            var (result, membraneResult) = model.Predict(ready.Batch);
            using (result)
            using (membraneResult)
            {
                float[] values = result.data<float>().ToArray();
                int classes = model.Locations.Count;
                var rows = Enumerable.Range(0, ready.Items.Length).Select(b => values.AsSpan(b * classes, classes).ToArray()).ToArray();
                return new BatchDone(ready.Items, rows, membraneResult?.data<float>().ToArray());
            }
        }
    }

    void Produce(IEnumerable<FastaRecord> records, BlockingCollection<Work> queue, CancellationToken cancel)
    {
        try
        {
            foreach (var chunk in records.Chunk(chunkProteins))
            {
                var sequences = chunk.Select(r => NetworkInput.Sequence(model, r.Sequence)).ToList();
                var chunkProfiles = model.NeedsProfiles
                    ? chunk.Select(r => NetworkInput.Profile(model, profiles, r.Id, r.Sequence)!).ToList()
                    : null;
                queue.Add(new ChunkStart(chunk.Select(r => (r.Id, r.Sequence.Length)).ToList()), cancel);
                foreach (int[] items in LengthBuckets.Sorted(sequences.Select(s => s.Length).ToList(), batchSize, maxBatchResidues))
                    queue.Add(new BatchReady(items, EncodedBatch.Create(sequences, items, model.InputFeatures, chunkProfiles)), cancel);
            }
        }
        finally
        {
            queue.CompleteAdding();
        }
    }
}
