namespace LocSharp.Evaluation;

/// <summary>Summaries of a metric over cross-validation folds or repeated runs.</summary>
public static class Summary
{
    /// <summary>
    /// Mean and sample standard deviation (n − 1 in the denominator). The deviation of a single value is NaN
    /// (undefined), not 0.
    /// </summary>
    /// <exception cref="ArgumentException">No values.</exception>
    public static (double Mean, double Sd) MeanAndSd(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double[] x = [.. values];
        if (x.Length == 0) throw new ArgumentException("Cannot summarise an empty set of values.", nameof(values));
        double mean = x.Average();
        if (x.Length == 1) return (mean, double.NaN);
        // Two passes: subtracting the mean first avoids the cancellation of the Σx² − n·mean² form.
        double squares = x.Sum(v => (v - mean) * (v - mean));
        return (mean, Math.Sqrt(squares / (x.Length - 1)));
    }
}
