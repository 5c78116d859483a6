using LocSharp.Models;
using LocSharp.Sequences;

namespace LocSharp.Prediction;

/// <summary>Location probabilities for sequences already in memory, through the same pipeline as `predict`.</summary>
public static class Predictions
{
    /// <returns>[N][C] probabilities, row i for sequences[i].</returns>
    public static float[][] Probabilities(TrainedModel model, IReadOnlyList<string> sequences, int batchSize = 64) =>
        new PredictionPipeline(model, batchSize)
            .Predict(sequences.Select((sequence, i) => new FastaRecord($"#{i}", "", sequence, 0)))
            .Select(prediction => prediction.Probabilities)
            .ToArray();

    /// <summary>Index of the largest value of each row.</summary>
    public static int[] ArgMax(float[][] probabilities) =>
        probabilities.Select(row => Array.IndexOf(row, row.Max())).ToArray();
}
