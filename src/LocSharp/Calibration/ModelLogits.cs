using LocSharp.Data;
using LocSharp.Encoding;
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
        if (model.NeedsProfiles && profiles == null)
            throw new ArgumentException("The model reads evolutionary profiles; give the proteins' profiles.", nameof(profiles));
        var read = sequences.Select(s => Truncation.Truncate(s, model.MaxLength)).ToList();
        var readProfiles = model.NeedsProfiles ? profiles!.Select(p => p.Truncate(model.MaxLength)).ToList() : null;
        var result = new ProteinLogits[read.Count];
        int networks = model.Networks.Count, classes = model.Locations.Count;
        long done = 0;
        foreach (int[] items in LengthBuckets.Sorted(read.Select(s => s.Length).ToList(), batchSize, PredictionPipeline.DefaultMaxBatchResidues))
        {
            using var batch = EncodedBatch.Create(read, items, model.InputFeatures, readProfiles);
            var (locations, membrane) = model.Logits(batch);   // [M, B, C], [M, B]
            using (locations)
            using (membrane)
            {
                float[] z = locations.contiguous().data<float>().ToArray();
                float[]? m = membrane?.contiguous().data<float>().ToArray();
                for (int b = 0; b < items.Length; b++)
                    result[items[b]] = new ProteinLogits(
                        [.. Enumerable.Range(0, networks).Select(k => z.AsSpan((k * items.Length + b) * classes, classes).ToArray())],
                        m == null ? null : [.. Enumerable.Range(0, networks).Select(k => m[k * items.Length + b])]);
            }
            done += items.Length;
            progress?.Report(done);
        }
        return result;
    }
}
