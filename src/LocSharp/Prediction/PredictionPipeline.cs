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
/// encodes the next batches while the calling thread runs the network.
/// </summary>
/// <param name="maxBatchResidues">Cap on a batch's padded positions: the LSTMs hold [positions × 4 × hidden]
/// gate values, so long proteins go in smaller batches.</param>
/// <param name="profiles">The proteins' profiles, by ID: required by a profile model, ignored otherwise.</param>
public sealed class PredictionPipeline(TrainedModel model, int batchSize = 64, int chunkProteins = 8192,
    int maxBatchResidues = PredictionPipeline.DefaultMaxBatchResidues, ProfileSet? profiles = null)
{
    public const int DefaultMaxBatchResidues = 16_384;

    /// <summary>Batches encoded ahead of the network; bounds memory to a few batches of features.</summary>
    const int QueuedBatches = 4;

    abstract record Work;
    sealed record ChunkStart(IReadOnlyList<(string Id, int Length)> Proteins) : Work;
    sealed record BatchReady(int[] Items, EncodedBatch Batch) : Work;

    public TrainedModel Model => model;

    /// <summary>Predicts every record; invalid input throws when the reader reaches it.</summary>
    /// <param name="progress">Told the proteins predicted so far after every batch (results are yielded a chunk at a time).</param>
    public IEnumerable<ProteinPrediction> Predict(IEnumerable<FastaRecord> records, CancellationToken cancel = default,
        IProgress<long>? progress = null)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), "The batch size must be at least 1.");
        if (model.NeedsProfiles && profiles == null)
            throw new ArgumentException("The model reads evolutionary profiles; give the proteins' profiles.", nameof(profiles));
        using var queue = new BlockingCollection<Work>(QueuedBatches);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var producer = Task.Run(() => Produce(records, queue, stop.Token), stop.Token);
        try
        {
            IReadOnlyList<(string Id, int Length)> chunk = [];
            float[][] probabilities = [];
            float[] membrane = [];
            int done = 0;
            long predicted = 0;
            foreach (var work in queue.GetConsumingEnumerable(stop.Token))
            {
                if (work is ChunkStart start)
                {
                    (chunk, probabilities, membrane, done) = (start.Proteins, new float[start.Proteins.Count][], new float[start.Proteins.Count], 0);
                    continue;
                }
                var ready = (BatchReady)work;
                using (ready.Batch) Store(ready, probabilities, membrane);
                done += ready.Items.Length;
                progress?.Report(predicted += ready.Items.Length);
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
            stop.Cancel();
            try { producer.Wait(); } catch (AggregateException) { }
            while (queue.TryTake(out var left)) (left as BatchReady)?.Batch.Dispose();
        }
    }

    void Store(BatchReady ready, float[][] probabilities, float[] membrane)
    {
        var (result, membraneResult) = model.Predict(ready.Batch);
        using (result)
        using (membraneResult)
        {
            float[] values = result.data<float>().ToArray();
            int classes = model.Locations.Count;
            for (int b = 0; b < ready.Items.Length; b++) probabilities[ready.Items[b]] = values.AsSpan(b * classes, classes).ToArray();
            if (membraneResult is null) return;
            float[] flags = membraneResult.data<float>().ToArray();
            for (int b = 0; b < ready.Items.Length; b++) membrane[ready.Items[b]] = flags[b];
        }
    }

    void Produce(IEnumerable<FastaRecord> records, BlockingCollection<Work> queue, CancellationToken cancel)
    {
        try
        {
            foreach (var chunk in records.Chunk(chunkProteins))
            {
                var sequences = chunk.Select(r => Truncation.Truncate(r.Sequence, model.MaxLength)).ToList();
                var chunkProfiles = model.NeedsProfiles
                    ? chunk.Select(r => profiles!.For(r.Id, r.Sequence).Truncate(model.MaxLength)).ToList()
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
