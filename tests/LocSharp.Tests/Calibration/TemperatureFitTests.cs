using LocSharp.Calibration;

namespace LocSharp.Tests.Calibration;

public class TemperatureFitTests
{
    /// <summary>Logits z ~ N(0, 3²) per class; labels drawn from softmax(z / trueTemperature).</summary>
    static (float[][][] Logits, int[][] Targets) Synthetic(double trueTemperature, int proteins, int classes, int seed)
    {
        var random = new Random(seed);
        var logits = new float[proteins][][];
        var targets = new int[proteins][];
        for (int n = 0; n < proteins; n++)
        {
            var z = Enumerable.Range(0, classes).Select(_ => (float)(3 * Gaussian(random))).ToArray();
            double[] p = z.Select(v => Math.Exp(v / trueTemperature)).ToArray();
            double u = random.NextDouble() * p.Sum(), cumulative = 0;
            int label = classes - 1;
            for (int c = 0; c < classes; c++) if ((cumulative += p[c]) >= u) { label = c; break; }
            logits[n] = [z];
            targets[n] = [label];
        }
        return (logits, targets);
    }

    static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Theory]
    [InlineData(2.5)]
    [InlineData(0.6)]
    public void Recovers_the_temperature_the_labels_were_drawn_with(double trueTemperature)
    {
        var (logits, targets) = Synthetic(trueTemperature, 20_000, 5, seed: 3);

        var fit = TemperatureFit.Fit(logits, targets);

        Assert.InRange(fit.Temperature, trueTemperature * 0.95, trueTemperature * 1.05);
        Assert.True(fit.NllAfter < fit.NllBefore);
    }

    [Fact]
    public void Finds_the_minimum_a_brute_force_scan_finds_for_an_ensemble_with_joined_outputs()
    {
        // Two networks, four outputs, true outcome = outputs {0, 1} for some proteins (a mapping joining them).
        var random = new Random(5);
        var logits = Enumerable.Range(0, 300).Select(_ => Enumerable.Range(0, 2)
            .Select(_ => Enumerable.Range(0, 4).Select(_ => (float)(4 * Gaussian(random))).ToArray()).ToArray()).ToArray();
        // Truth: mostly the first network's call (so the best temperature is finite), a third joined {0, 1}.
        var targets = Enumerable.Range(0, 300).Select(n => n % 3 == 0 ? new[] { 0, 1 }
            : [n % 5 == 0 ? random.Next(4) : Array.IndexOf(logits[n][0], logits[n][0].Max())]).ToArray();

        // Independent NLL, straight from the definition.
        double Nll(double t) => -targets.Select((s, n) => Math.Log(logits[n].Average(z =>
        {
            double norm = z.Sum(v => Math.Exp(v / t));
            return s.Sum(c => Math.Exp(z[c] / t)) / norm;
        }))).Average();
        double coarse = Enumerable.Range(0, 1990).Select(i => 0.1 + 0.01 * i).MinBy(Nll); // from 0.1: exp(z / t) stays finite
        double best = Enumerable.Range(-100, 201).Select(i => coarse + i * 0.0001).MinBy(Nll);

        var fit = TemperatureFit.Fit(logits, targets);

        Assert.InRange(fit.Temperature, best - 0.0002, best + 0.0002);
        Assert.InRange(best, 0.2, 19);
        Assert.Equal(Nll(1), fit.NllBefore, 9);
        Assert.Equal(Nll(fit.Temperature), fit.NllAfter, 9);
        Assert.True(Nll(fit.Temperature) <= Nll(best) + 1e-9);
    }

    [Fact]
    public void Always_right_confident_logits_push_the_temperature_to_the_lower_bound()
    {
        float[][][] logits = [[[2, 0]], [[0, 2]]];
        int[][] targets = [[0], [1]];

        var fit = TemperatureFit.Fit(logits, targets);

        Assert.InRange(fit.Temperature, TemperatureFit.MinTemperature, TemperatureFit.MinTemperature * 1.001);
    }

    [Fact]
    public void Large_logits_at_small_temperatures_do_not_overflow()
    {
        double nll = TemperatureFit.Nll([[[1000, -1000]]], [[1]], 0.05);

        // The true −log p is 40,000; the floor (1e-300, a normal double) keeps it finite at −log 1e-300.
        Assert.Equal(-Math.Log(1e-300), nll, 9);
        Assert.Equal(Math.Log(1 + Math.Exp(-2 / 0.5)), TemperatureFit.Nll([[[1, -1]]], [[0]], 0.5), 12);
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => TemperatureFit.Fit([], []));
        Assert.Throws<ArgumentException>(() => TemperatureFit.Fit([[[1, 2]]], [[2]]));
        Assert.Throws<ArgumentException>(() => TemperatureFit.Fit([[[1, 2]]], [[]]));
        Assert.Throws<ArgumentException>(() => TemperatureFit.Fit([[[1, 2]], [[1, 2, 3]]], [[0], [0]]));
    }
}
