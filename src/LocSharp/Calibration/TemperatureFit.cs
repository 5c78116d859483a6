namespace LocSharp.Calibration;

/// <summary>What <see cref="TemperatureFit.Fit"/> found.</summary>
/// <param name="Temperature">The minimiser of the mean negative log-likelihood.</param>
/// <param name="NllBefore">Mean negative log-likelihood at temperature 1.</param>
/// <param name="NllAfter">The same at <paramref name="Temperature"/>.</param>
public sealed record TemperatureFitResult(double Temperature, double NllBefore, double NllAfter);

/// <summary>
/// Fits one temperature T to held-out logits by minimising the mean negative log-likelihood of the true
/// outcomes, NLL(T) = −(1/N) Σₙ log Σ_{c∈Sₙ} (1/M) Σₘ softmax(z_{n,m} / T)_c, over N proteins, M networks (an
/// ensemble averages its members' probabilities) and the set Sₙ of model outputs that count as right for protein n
/// (one location, or several when a mapping joins model locations). One-dimensional: a scan of log T over
/// [<see cref="MinTemperature"/>, <see cref="MaxTemperature"/>] brackets the minimum, golden-section search
/// refines it.
/// </summary>
public static class TemperatureFit
{
    public const double MinTemperature = 0.05, MaxTemperature = 20;
    const int ScanPoints = 61;

    /// <summary>Smallest probability the likelihood uses: a normal double (a denormal one such as double.Epsilon
    /// reads as 0 on threads where libtorch flushes denormals to zero, and log 0 is −∞).</summary>
    const double ProbabilityFloor = 1e-300;
    const double Tolerance = 1e-7; // in log T

    /// <param name="logits">Per protein, per network, per output: logits[n][m][c].</param>
    /// <param name="targets">Per protein, the outputs whose probabilities sum to that of its true outcome.</param>
    /// <exception cref="ArgumentException">No proteins, ragged input, an empty target or one outside the outputs.</exception>
    public static TemperatureFitResult Fit(IReadOnlyList<float[][]> logits, IReadOnlyList<int[]> targets)
    {
        Check(logits, targets);
        double Objective(double logT) => Mean(logits, targets, Math.Exp(logT));
        double lo = Math.Log(MinTemperature), hi = Math.Log(MaxTemperature), step = (hi - lo) / (ScanPoints - 1);
        int best = 0;
        double bestValue = double.PositiveInfinity;
        for (int i = 0; i < ScanPoints; i++)
        {
            double value = Objective(lo + i * step);
            if (value < bestValue) (best, bestValue) = (i, value);
        }
        double a = lo + Math.Max(best - 1, 0) * step, b = lo + Math.Min(best + 1, ScanPoints - 1) * step;
        double logT = GoldenSection(Objective, a, b);
        if (Objective(logT) > bestValue) logT = lo + best * step;
        double t = Math.Exp(logT);
        return new TemperatureFitResult(t, Mean(logits, targets, 1), Mean(logits, targets, t));
    }

    /// <summary>The mean negative log-likelihood at temperature <paramref name="temperature"/> (see the class summary).</summary>
    public static double Nll(IReadOnlyList<float[][]> logits, IReadOnlyList<int[]> targets, double temperature)
    {
        Check(logits, targets);
        return Mean(logits, targets, temperature);
    }

    static double Mean(IReadOnlyList<float[][]> logits, IReadOnlyList<int[]> targets, double temperature)
    {
        double total = 0;
        for (int n = 0; n < logits.Count; n++)
        {
            double p = 0;
            foreach (var z in logits[n])
            {
                // log-sum-exp with the largest logit taken out, so large logits over small T do not overflow.
                double max = z.Max(), sum = 0;
                foreach (float v in z) sum += Math.Exp((v - max) / temperature);
                foreach (int c in targets[n]) p += Math.Exp((z[c] - max) / temperature) / sum;
            }
            p /= logits[n].Length;
            total -= Math.Log(Math.Max(p, ProbabilityFloor));
        }
        return total / logits.Count;
    }

    /// <summary>The minimiser of a unimodal <paramref name="f"/> on [a, b].</summary>
    internal static double GoldenSection(Func<double, double> f, double a, double b)
    {
        double ratio = (Math.Sqrt(5) - 1) / 2;
        double x1 = b - ratio * (b - a), x2 = a + ratio * (b - a);
        double f1 = f(x1), f2 = f(x2);
        while (b - a > Tolerance)
        {
            if (f1 <= f2) { b = x2; x2 = x1; f2 = f1; x1 = b - ratio * (b - a); f1 = f(x1); }
            else { a = x1; x1 = x2; f1 = f2; x2 = a + ratio * (b - a); f2 = f(x2); }
        }
        return (a + b) / 2;
    }

    static void Check(IReadOnlyList<float[][]> logits, IReadOnlyList<int[]> targets)
    {
        if (logits.Count == 0) throw new ArgumentException("A temperature needs at least one protein to fit on.", nameof(logits));
        if (targets.Count != logits.Count) throw new ArgumentException($"{logits.Count} proteins but {targets.Count} targets.", nameof(targets));
        int outputs = logits[0][0].Length;
        for (int n = 0; n < logits.Count; n++)
        {
            if (logits[n].Length == 0 || logits[n].Any(z => z.Length != outputs))
                throw new ArgumentException($"Protein {n} has no logits or {outputs} is not its number of outputs.", nameof(logits));
            if (targets[n].Length == 0 || targets[n].Any(c => c < 0 || c >= outputs))
                throw new ArgumentException($"Protein {n}'s target is empty or outside the {outputs} outputs.", nameof(targets));
        }
    }
}
