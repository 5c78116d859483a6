using LocSharp.Data;
using LocSharp.Models;
using LocSharp.Prediction;
using LocSharp.Profiles;

namespace LocSharp.Calibration;

/// <summary>One protein's raw logits from every network of a model, before any temperature.</summary>
/// <param name="Locations">[M][C] location logits.</param>
/// <param name="Membrane">[M] membrane-bound logits, for models that predict it; else null.</param>
public sealed record ProteinLogits(float[][] Locations, float[]? Membrane);

/// <summary>Every network's raw logits for proteins in memory, in batches of similar length.</summary>
public static class ModelLogits
{
    /// <param name="sequences">Whole sequences; they are cut to the model's maximum length here.</param>
    /// <param name="profiles">For a profile model, the sequences' profiles, index for index.</param>
    /// <param name="progress">Told the proteins done after every batch.</param>
    /// <returns>Index for index with <paramref name="sequences"/>.</returns>
    public static ProteinLogits[] Compute(TrainedModel model, IReadOnlyList<string> sequences, IReadOnlyList<Profile>? profiles = null,
        int batchSize = 64, IProgress<long>? progress = null)
    {
        var result = new ProteinLogits[sequences.Count];
        int networks = model.Networks.Count, classes = model.Locations.Count;
        long done = 0;
        var batches = BatchedInference.Batches(model, sequences, profiles, batchSize);
        foreach (var (items, z, m) in BatchedInference.Map(batches, Logits, BatchedInference.WorkersFor(model)))
        {
            for (int b = 0; b < items.Count; b++)
                result[items[b]] = new ProteinLogits(
                    [.. Enumerable.Range(0, networks).Select(k => z.AsSpan((k * items.Count + b) * classes, classes).ToArray())],
                    m == null ? null : [.. Enumerable.Range(0, networks).Select(k => m[k * items.Count + b])]);
            done += items.Count;
            progress?.Report(done);
        }
        return result;

        // [M·B·C] location logits and [M·B] membrane logits of one batch.
        (IReadOnlyList<int> Items, float[] Locations, float[]? Membrane) Logits(EncodedBatch batch)
        {
            using (batch)
            {
                var (locations, membrane) = model.Logits(batch);   // [M, B, C], [M, B]
                using (locations)
                using (membrane)
                    return (batch.Items, locations.contiguous().data<float>().ToArray(), membrane?.contiguous().data<float>().ToArray());
            }
        }
    }
}
