using LocSharp.Data;
using LocSharp.Encoding;
using LocSharp.Models;

namespace LocSharp.Prediction;

/// <summary>Location probabilities for a list of sequences, batched by length, returned in input order.</summary>
public static class Predictions
{
    /// <returns>[N][C] probabilities, row i for sequences[i].</returns>
    public static float[][] Probabilities(TrainedModel model, IReadOnlyList<string> sequences, int batchSize = 64)
    {
        var truncated = sequences.Select(s => Truncation.Truncate(s, model.MaxLength)).ToList();
        var result = new float[sequences.Count][];
        foreach (int[] items in LengthBuckets.Sorted(truncated.Select(s => s.Length).ToList(), batchSize))
        {
            using var batch = EncodedBatch.Create(truncated, items, model.InputFeatures);
            using var probabilities = model.PredictProbabilities(batch);
            float[] values = probabilities.data<float>().ToArray();
            int classes = model.Locations.Count;
            for (int b = 0; b < items.Length; b++) result[items[b]] = values.AsSpan(b * classes, classes).ToArray();
        }
        return result;
    }

    /// <summary>Index of the largest value of each row.</summary>
    public static int[] ArgMax(float[][] probabilities) =>
        probabilities.Select(row => Array.IndexOf(row, row.Max())).ToArray();
}
