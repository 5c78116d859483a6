namespace LocSharp.Projection;

/// <summary>
/// t-distributed stochastic neighbour embedding into two dimensions (van der Maaten &amp; Hinton 2008), exact or with
/// the Barnes-Hut approximation (van der Maaten 2014), following the reference implementation (bhtsne): Gaussian input
/// affinities calibrated to a perplexity, early exaggeration of P, momentum 0.5 then 0.8, and per-coordinate gains
/// (+0.2 when the gradient changes sign against the update, ×0.8 otherwise, at least 0.01).
/// </summary>
/// <remarks>
/// Departures from bhtsne: the gradient keeps its factor 4 (so learning rates are a quarter of bhtsne's for the same
/// steps), the input is not rescaled (perplexity calibration makes the scale irrelevant), and optional PCA is built in.
/// Runs are bit-identical for a given seed on a given machine and runtime, whatever the number of threads.
/// </remarks>
public static class Tsne
{
    const double InitialMomentum = 0.5, FinalMomentum = 0.8;
    const double InitialSpread = 1e-4;
    const double GainIncrease = 0.2, GainDecay = 0.8, MinGain = 0.01;

    /// <summary>Embeds the rows of <paramref name="data"/> (n points × d features) in the plane: n × 2.</summary>
    /// <exception cref="ArgumentException">The data are empty or not finite, or the options do not suit them.</exception>
    public static double[,] Embed(double[,] data, TsneOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new TsneOptions();
        int n = data.GetLength(0), d = data.GetLength(1);
        if (n < 3 || d < 1) throw new ArgumentException($"t-SNE needs at least 3 points with at least 1 feature; found {n}×{d}.", nameof(data));
        foreach (double value in data)
            if (!double.IsFinite(value)) throw new ArgumentException($"The data contain {value}; every value must be finite.", nameof(data));
        options.Validate(n);

        double[] x = Centered(data);
        if (options.PcaDimensions is { } components && components < d)
        {
            x = Pca.Project(x, n, d, components);
            d = components;
        }

        double[] y = InitialMap(n, options.Seed);
        if (options.IsExact)
        {
            double[] p = GaussianAffinities.Dense(x, n, d, options.Perplexity);
            Optimize(y, n, (map, exaggeration, gradient) => TsneGradient.Exact(p, map, n, exaggeration, gradient), options, cancellationToken);
        }
        else
        {
            var p = GaussianAffinities.Sparse(x, n, d, options.Perplexity, new Random(options.Seed));
            Optimize(y, n, (map, exaggeration, gradient) => TsneGradient.BarnesHut(p, map, n, options.Theta, exaggeration, gradient), options, cancellationToken);
        }

        var embedding = new double[n, 2];
        for (int i = 0; i < n; i++)
        {
            embedding[i, 0] = y[2 * i];
            embedding[i, 1] = y[2 * i + 1];
        }
        return embedding;
    }

    /// <summary>Gradient of the objective at a map, with P multiplied by the given exaggeration.</summary>
    internal delegate void Gradient(double[] map, double exaggeration, double[] gradient);

    /// <summary>Gradient descent with momentum and gains on the interleaved map <paramref name="y"/>, in place.</summary>
    internal static void Optimize(double[] y, int n, Gradient gradient, TsneOptions options, CancellationToken cancellationToken)
    {
        double learningRate = options.ResolveLearningRate(n);
        var dy = new double[2 * n];
        var update = new double[2 * n];
        var gains = new double[2 * n];
        Array.Fill(gains, 1.0);

        for (int iteration = 0; iteration < options.Iterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool exploring = iteration < options.ExaggerationIterations;
            gradient(y, exploring ? options.EarlyExaggeration : 1, dy);
            double momentum = exploring ? InitialMomentum : FinalMomentum;
            for (int k = 0; k < 2 * n; k++)
            {
                // update holds the previous step, which moved against the previous gradient: differing signs mean
                // the gradient kept its direction, so the gain grows.
                gains[k] = Math.Sign(dy[k]) != Math.Sign(update[k]) ? gains[k] + GainIncrease : Math.Max(gains[k] * GainDecay, MinGain);
                update[k] = momentum * update[k] - learningRate * gains[k] * dy[k];
                y[k] += update[k];
            }
            CenterMap(y, n);
        }
    }

    /// <summary>Initial map: independent N(0, 10⁻⁸) coordinates from the seed, interleaved.</summary>
    internal static double[] InitialMap(int n, int seed)
    {
        var random = new Random(seed);
        var y = new double[2 * n];
        for (int k = 0; k < y.Length; k += 2)
        {
            // Box-Muller: two independent standard normals from two uniforms.
            double radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
            double angle = 2 * Math.PI * random.NextDouble();
            y[k] = InitialSpread * radius * Math.Cos(angle);
            y[k + 1] = InitialSpread * radius * Math.Sin(angle);
        }
        return y;
    }

    static double[] Centered(double[,] data)
    {
        int n = data.GetLength(0), d = data.GetLength(1);
        var x = new double[n * d];
        for (int a = 0; a < d; a++)
        {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += data[i, a];
            mean /= n;
            for (int i = 0; i < n; i++) x[i * d + a] = data[i, a] - mean;
        }
        return x;
    }

    static void CenterMap(double[] y, int n)
    {
        double meanX = 0, meanY = 0;
        for (int i = 0; i < n; i++)
        {
            meanX += y[2 * i];
            meanY += y[2 * i + 1];
        }
        meanX /= n;
        meanY /= n;
        for (int i = 0; i < n; i++)
        {
            y[2 * i] -= meanX;
            y[2 * i + 1] -= meanY;
        }
    }
}
