using LocSharp.Models;
using LocSharp.Profiles;
using LocSharp.Sequences;

namespace LocSharp.Prediction;

/// <summary>Location probabilities for sequences already in memory, through the same pipeline as `predict`.</summary>
public static class Predictions
{
    /// <param name="profiles">For a profile model, the sequences' profiles, index for index.</param>
    /// <returns>[N][C] probabilities, row i for sequences[i].</returns>
    public static float[][] Probabilities(TrainedModel model, IReadOnlyList<string> sequences,
        IReadOnlyList<Profile>? profiles = null, int batchSize = 64) =>
        Predict(model, sequences, profiles, batchSize).Select(prediction => prediction.Probabilities).ToArray();

    /// <summary>The predictions for sequences in memory, index for index.</summary>
    /// <param name="profiles">For a profile model, the sequences' profiles, index for index.</param>
    /// <param name="progress">Told the proteins predicted so far after every batch.</param>
    public static ProteinPrediction[] Predict(TrainedModel model, IReadOnlyList<string> sequences,
        IReadOnlyList<Profile>? profiles = null, int batchSize = 64, IProgress<long>? progress = null)
    {
        ProfileSet? set = null;
        if (profiles != null)
        {
            set = new ProfileSet();
            for (int i = 0; i < profiles.Count; i++) set.Add(Key(i), profiles[i], "the profiles in memory");
        }
        return new PredictionPipeline(model, batchSize, profiles: set)
            .Predict(sequences.Select((sequence, i) => new FastaRecord(Key(i), "", sequence, 0)), progress: progress)
            .ToArray();
    }

    static string Key(int i) => $"#{i}";

    /// <summary>Index of the largest value of each row.</summary>
    public static int[] ArgMax(float[][] probabilities) =>
        probabilities.Select(row => Array.IndexOf(row, row.Max())).ToArray();
}
