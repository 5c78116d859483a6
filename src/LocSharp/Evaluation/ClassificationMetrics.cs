namespace LocSharp.Evaluation;

/// <summary>
/// The formulas behind <see cref="EvaluationReport"/>, on counts.
/// </summary>
/// <remarks>
/// A metric whose formula comes to 0/0 is undefined and returned as <see cref="double.NaN"/>, never as 0: a class
/// that was never predicted has no precision, which is not the same as a precision of 0 and must not pull averages
/// down. Renderers show NaN as "-" (text) and null (JSON).
/// </remarks>
public static class ClassificationMetrics
{
    /// <summary>TP / (TP + FP); NaN when the class was never predicted.</summary>
    public static double Precision(long truePositives, long falsePositives) =>
        Ratio(truePositives, truePositives + falsePositives);

    /// <summary>TP / (TP + FN), the sensitivity; NaN when the class never occurs.</summary>
    public static double Recall(long truePositives, long falseNegatives) =>
        Ratio(truePositives, truePositives + falseNegatives);

    /// <summary>
    /// 2TP / (2TP + FP + FN), the harmonic mean of precision and recall written on counts, so that it is 0 (not
    /// undefined) for a class that occurs but is never predicted; NaN only when the class neither occurs nor is predicted.
    /// </summary>
    public static double F1(long truePositives, long falsePositives, long falseNegatives) =>
        Ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);

    /// <summary>
    /// Matthews correlation (TP·TN − FP·FN) / √((TP+FP)(TP+FN)(TN+FP)(TN+FN)); NaN when any of the four sums is 0
    /// (the class never or always predicted, never or always present).
    /// </summary>
    public static double BinaryMcc(long truePositives, long falsePositives, long falseNegatives, long trueNegatives)
    {
        double tp = truePositives, fp = falsePositives, fn = falseNegatives, tn = trueNegatives;
        double denominator = (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn);
        return denominator == 0 ? double.NaN : (tp * tn - fp * fn) / Math.Sqrt(denominator);
    }

    /// <summary>Correct / total; NaN for an empty matrix.</summary>
    public static double Accuracy(ConfusionMatrix matrix) => Ratio(matrix.Correct, matrix.Total);

    /// <summary>
    /// Gorodkin's (2004) multi-class correlation R_K = (c·s − Σ p_k t_k) / √((s² − Σ p_k²)(s² − Σ t_k²)), with c the
    /// correct predictions, s the total, p_k and t_k the predicted and true counts of class k. Equals the binary MCC
    /// for two classes; NaN when all proteins are predicted in one class or all belong to one class.
    /// </summary>
    public static double GorodkinMcc(ConfusionMatrix matrix)
    {
        double s = matrix.Total, c = matrix.Correct, pt = 0, pp = 0, tt = 0;
        for (int k = 0; k < matrix.Size; k++)
        {
            double p = matrix.PredictedCount(k), t = matrix.TrueCount(k);
            pt += p * t;
            pp += p * p;
            tt += t * t;
        }
        double denominator = (s * s - pp) * (s * s - tt);
        return denominator == 0 ? double.NaN : (c * s - pt) / Math.Sqrt(denominator);
    }

    static double Ratio(long numerator, long denominator) =>
        denominator == 0 ? double.NaN : (double)numerator / denominator;
}
