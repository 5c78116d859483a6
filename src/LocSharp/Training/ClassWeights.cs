namespace LocSharp.Training;

/// <summary>
/// Per-location weights of the cross-entropy against class imbalance: w_c = (n_c / n̄)^(−power), with n_c the
/// training proteins of location c and n̄ their mean over locations. Power 0 weighs every protein alike (the
/// paper); 1 gives every location the same total weight; 0.5 is in between. The loss averages over the batch's
/// weights, so only their ratios matter.
/// </summary>
public static class ClassWeights
{
    public static float[] Compute(IReadOnlyList<int> labels, int classes, double power)
    {
        var counts = new double[classes];
        foreach (int label in labels) counts[label]++;
        double mean = counts.Average();
        return counts.Select(n => n == 0 ? 0f : (float)Math.Pow(n / mean, -power)).ToArray();
    }
}
