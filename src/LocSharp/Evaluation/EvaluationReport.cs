namespace LocSharp.Evaluation;

/// <summary>Everything LocSharp reports about a set of predictions. NaN marks an undefined metric.</summary>
/// <param name="Accuracy">Fraction of proteins predicted in their true location.</param>
/// <param name="Mcc">Gorodkin's multi-class correlation over all locations.</param>
/// <param name="Proteins">Proteins evaluated.</param>
/// <param name="Locations">One-vs-rest metrics, in the model's location order.</param>
/// <param name="Confusion">The counts the metrics were computed from.</param>
public sealed record EvaluationReport(
    double Accuracy,
    double Mcc,
    long Proteins,
    IReadOnlyList<LocationMetrics> Locations,
    ConfusionMatrix Confusion)
{
    /// <summary>Membrane-bound vs soluble, for models that predict it and data that flags it.</summary>
    public MembraneMetrics? Membrane { get; init; }

    /// <summary>Expected calibration error, Brier score, NLL and the reliability diagram; null when not computed
    /// (e.g. a report read back from a confusion matrix alone).</summary>
    public CalibrationMetrics? Calibration { get; init; }

    public static EvaluationReport From(ConfusionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var locations = new LocationMetrics[matrix.Size];
        for (int k = 0; k < matrix.Size; k++)
        {
            long tp = matrix[k, k];
            long fn = matrix.TrueCount(k) - tp;
            long fp = matrix.PredictedCount(k) - tp;
            long tn = matrix.Total - tp - fn - fp;
            locations[k] = new LocationMetrics(
                matrix.Locations[k],
                matrix.TrueCount(k),
                ClassificationMetrics.Precision(tp, fp),
                ClassificationMetrics.Recall(tp, fn),
                ClassificationMetrics.F1(tp, fp, fn),
                ClassificationMetrics.BinaryMcc(tp, fp, fn, tn));
        }
        return new EvaluationReport(
            ClassificationMetrics.Accuracy(matrix), ClassificationMetrics.GorodkinMcc(matrix), matrix.Total, locations, matrix);
    }
}
