namespace LocSharp.Evaluation;

/// <summary>One confidence bin of a reliability diagram: proteins whose top probability lies in (Lower, Upper].</summary>
/// <param name="Count">Proteins in the bin.</param>
/// <param name="MeanConfidence">Their mean top probability; NaN for an empty bin.</param>
/// <param name="Accuracy">Fraction of them predicted right; NaN for an empty bin.</param>
public sealed record ReliabilityBin(double Lower, double Upper, long Count, double MeanConfidence, double Accuracy);

/// <summary>
/// How far the probabilities can be taken at their word (Guo et al. 2017): the expected calibration error over
/// equal-width bins of the top probability, ECE = Σ_b (n_b / N) |accuracy_b − mean confidence_b|; the Brier score,
/// (1/N) Σₙ Σₖ (pₙₖ − yₙₖ)² over all locations (0 = perfect, 2 = sure and wrong); and the mean negative
/// log-likelihood of the true location, −(1/N) Σₙ log pₙ,true, with probabilities floored at
/// <see cref="ProbabilityFloor"/> so one impossible call does not make it infinite.
/// </summary>
/// <param name="Proteins">Proteins scored.</param>
/// <param name="Bins">The reliability diagram, <see cref="BinCount"/> bins from 0 to 1.</param>
public sealed record CalibrationMetrics(long Proteins, double Ece, double Brier, double Nll, IReadOnlyList<ReliabilityBin> Bins)
{
    public const int BinCount = 15;
    public const double ProbabilityFloor = 1e-12;

    /// <param name="probabilities">Per protein, one probability per location.</param>
    /// <param name="truth">Per protein, the index of its true location.</param>
    /// <param name="bins">Equal-width bins of the top probability.</param>
    /// <remarks>The prediction is the first location of largest probability, as in the confusion matrix.</remarks>
    public static CalibrationMetrics From(IReadOnlyList<double[]> probabilities, IReadOnlyList<int> truth, int bins = BinCount)
    {
        if (probabilities.Count == 0) throw new ArgumentException("Calibration needs at least one protein.", nameof(probabilities));
        if (truth.Count != probabilities.Count) throw new ArgumentException($"{probabilities.Count} proteins but {truth.Count} true locations.", nameof(truth));
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), $"At least one bin is needed, not {bins}.");
        var counts = new long[bins];
        var confidence = new double[bins];
        var right = new long[bins];
        double brier = 0, nll = 0;
        for (int n = 0; n < probabilities.Count; n++)
        {
            double[] p = probabilities[n];
            if (truth[n] < 0 || truth[n] >= p.Length)
                throw new ArgumentException($"Protein {n}'s true location {truth[n]} is outside its {p.Length} probabilities.", nameof(truth));
            int best = 0;
            for (int k = 1; k < p.Length; k++) if (p[k] > p[best]) best = k;
            int bin = Math.Clamp((int)Math.Ceiling(p[best] * bins) - 1, 0, bins - 1);
            counts[bin]++;
            confidence[bin] += p[best];
            if (best == truth[n]) right[bin]++;
            for (int k = 0; k < p.Length; k++)
            {
                double error = p[k] - (k == truth[n] ? 1 : 0);
                brier += error * error;
            }
            nll -= Math.Log(Math.Max(p[truth[n]], ProbabilityFloor));
        }
        long total = probabilities.Count;
        double ece = 0;
        var diagram = new ReliabilityBin[bins];
        for (int b = 0; b < bins; b++)
        {
            double meanConfidence = counts[b] == 0 ? double.NaN : confidence[b] / counts[b];
            double accuracy = counts[b] == 0 ? double.NaN : (double)right[b] / counts[b];
            if (counts[b] > 0) ece += (double)counts[b] / total * Math.Abs(accuracy - meanConfidence);
            diagram[b] = new ReliabilityBin((double)b / bins, (double)(b + 1) / bins, counts[b], meanConfidence, accuracy);
        }
        return new CalibrationMetrics(total, ece, brier / total, nll / total, diagram);
    }
}
