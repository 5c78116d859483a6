namespace LocSharp.Evaluation;

/// <summary>How well the membrane-bound output separates membrane-bound from soluble proteins, over the proteins
/// whose flag is known; a probability of 0.5 or more calls a protein membrane-bound.</summary>
/// <param name="Proteins">Proteins with a known flag.</param>
/// <param name="Accuracy">Fraction called right.</param>
/// <param name="Mcc">Matthews correlation of the calls.</param>
public sealed record MembraneMetrics(long Proteins, double Accuracy, double Mcc)
{
    /// <param name="flags">Per protein: its flag (null when unknown) and the predicted probability of membrane-bound.</param>
    /// <returns>Null when no protein has a known flag.</returns>
    public static MembraneMetrics? From(IEnumerable<(bool? Flag, float Probability)> flags)
    {
        long tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (flag, probability) in flags)
        {
            if (flag is not bool membrane) continue;
            bool called = probability >= 0.5f;
            if (membrane && called) tp++;
            else if (membrane) fn++;
            else if (called) fp++;
            else tn++;
        }
        long total = tp + fp + fn + tn;
        return total == 0 ? null : new MembraneMetrics(total, (double)(tp + tn) / total, ClassificationMetrics.BinaryMcc(tp, fp, fn, tn));
    }
}
