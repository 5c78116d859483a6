namespace LocSharp.Projection;

/// <summary>
/// The input affinities of t-SNE (van der Maaten &amp; Hinton 2008, section 2): for each point i a Gaussian over the
/// others, p_j|i ∝ exp(−β_i ‖x_i − x_j‖²), with β_i found by bisection so that the distribution's perplexity
/// 2^H (H in bits; here e^H with H in nats) equals the requested one.
/// </summary>
internal static class GaussianAffinities
{
    const double EntropyTolerance = 1e-5;
    const int MaxBisections = 200;

    /// <summary>
    /// Fills <paramref name="p"/> with p_j|i for the squared distances from point i to the points j it may pick
    /// (itself excluded), and returns β_i.
    /// </summary>
    public static double ConditionalRow(ReadOnlySpan<double> squaredDistances, double perplexity, Span<double> p)
    {
        double target = Math.Log(perplexity);
        // Entropy and normalised p do not change when every distance is shifted by the same amount; shifting by the
        // smallest keeps at least one exp() at 1, so the sum cannot underflow for far-apart points.
        double nearest = double.PositiveInfinity;
        foreach (double d in squaredDistances) nearest = Math.Min(nearest, d);

        double beta = 1, low = 0, high = double.PositiveInfinity, sum = 0, evaluated = beta;
        for (int bisection = 0; bisection < MaxBisections; bisection++)
        {
            evaluated = beta;
            sum = 0;
            double weightedDistance = 0;
            for (int j = 0; j < squaredDistances.Length; j++)
            {
                double shifted = squaredDistances[j] - nearest;
                double w = Math.Exp(-beta * shifted);
                p[j] = w;
                sum += w;
                weightedDistance += w * shifted;
            }
            // H = −Σ p log p = log Σw + β Σ w·d / Σw.
            double entropy = Math.Log(sum) + beta * weightedDistance / sum;
            if (Math.Abs(entropy - target) < EntropyTolerance) break;
            if (entropy > target)
            {
                low = beta;
                beta = double.IsPositiveInfinity(high) ? beta * 2 : (beta + high) / 2;
            }
            else
            {
                high = beta;
                beta = (beta + low) / 2;
            }
        }
        for (int j = 0; j < squaredDistances.Length; j++) p[j] /= sum;
        return evaluated;
    }

    /// <summary>
    /// The joint P of exact t-SNE, p_ij = (p_j|i + p_i|j) / 2n over all pairs: row-major n×n, zero diagonal, sums to 1.
    /// </summary>
    public static double[] Dense(double[] x, int n, int d, double perplexity)
    {
        var p = new double[n * n];
        Parallel.For(0, n, () => (Distances: new double[n - 1], Row: new double[n - 1]), (i, _, buffers) =>
        {
            var xi = VectorMath.Row(x, i, d);
            for (int j = 0, m = 0; j < n; j++)
                if (j != i) buffers.Distances[m++] = VectorMath.SquaredDistance(xi, VectorMath.Row(x, j, d));
            ConditionalRow(buffers.Distances, perplexity, buffers.Row);
            for (int j = 0, m = 0; j < n; j++)
                if (j != i) p[i * n + j] = buffers.Row[m++];
            return buffers;
        }, _ => { });

        for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
        {
            double joint = (p[i * n + j] + p[j * n + i]) / (2.0 * n);
            p[i * n + j] = joint;
            p[j * n + i] = joint;
        }
        return p;
    }

    /// <summary>
    /// The sparse joint P of Barnes-Hut t-SNE (van der Maaten 2014): each point's Gaussian restricted to its
    /// ⌊3·perplexity⌋ nearest neighbours, found with a vantage-point tree, then symmetrised.
    /// </summary>
    public static SparseAffinities Sparse(double[] x, int n, int d, double perplexity, Random random)
    {
        int k = Math.Min(n - 1, (int)(3 * perplexity));
        var tree = new VantagePointTree(x, n, d, random);
        var neighbours = new int[n][];
        var conditional = new double[n][];
        Parallel.For(0, n, i =>
        {
            var (indices, squaredDistances) = tree.Nearest(i, k);
            neighbours[i] = indices;
            conditional[i] = new double[k];
            ConditionalRow(squaredDistances, perplexity, conditional[i]);
        });
        return SparseAffinities.Symmetrized(neighbours, conditional);
    }
}
