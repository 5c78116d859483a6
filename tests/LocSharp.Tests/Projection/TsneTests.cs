using LocSharp.Projection;

namespace LocSharp.Tests.Projection;

public class TsneTests
{
    // 3 clusters × 40 points in 10-D, centres 10 apart, unit spread.
    static readonly (double[,] Data, int[] Cluster) Blobs = TestData.Clusters(3, 40, 10, seed: 17);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    public void Separated_clusters_stay_apart_in_the_map(double theta)
    {
        var map = Tsne.Embed(Blobs.Data, new TsneOptions(Perplexity: 10, Iterations: 500, Seed: 1, Theta: theta));

        int n = map.GetLength(0);
        Assert.Equal(2, map.GetLength(1));
        int sameCluster = 0;
        for (int i = 0; i < n; i++)
        {
            int nearest = Enumerable.Range(0, n).Where(j => j != i).MinBy(j => MapDistance(map, i, j));
            if (Blobs.Cluster[nearest] == Blobs.Cluster[i]) sameCluster++;
        }
        Assert.Equal(n, sameCluster);

        // Centroids at least 3 times further apart than the largest RMS radius of a cluster.
        var centroids = new (double X, double Y)[3];
        var radius = new double[3];
        for (int c = 0; c < 3; c++)
        {
            int[] members = [.. Enumerable.Range(0, n).Where(i => Blobs.Cluster[i] == c)];
            centroids[c] = (members.Average(i => map[i, 0]), members.Average(i => map[i, 1]));
            radius[c] = Math.Sqrt(members.Average(i =>
                Math.Pow(map[i, 0] - centroids[c].X, 2) + Math.Pow(map[i, 1] - centroids[c].Y, 2)));
        }
        for (int a = 0; a < 3; a++)
        for (int b = a + 1; b < 3; b++)
        {
            double between = Math.Sqrt(Math.Pow(centroids[a].X - centroids[b].X, 2) + Math.Pow(centroids[a].Y - centroids[b].Y, 2));
            Assert.True(between > 3 * radius.Max(), $"Clusters {a} and {b}: centroids {between:F2} apart, radius {radius.Max():F2}.");
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    public void Same_seed_gives_the_same_map_and_another_seed_a_different_one(double theta)
    {
        var options = new TsneOptions(Perplexity: 10, Iterations: 100, Seed: 5, Theta: theta);

        var first = Tsne.Embed(Blobs.Data, options);
        var second = Tsne.Embed(Blobs.Data, options);
        var other = Tsne.Embed(Blobs.Data, options with { Seed = 6 });

        Assert.Equal(first.Cast<double>(), second.Cast<double>());
        Assert.NotEqual(first.Cast<double>(), other.Cast<double>());
    }

    [Fact]
    public void Barnes_Hut_reaches_nearly_the_KL_divergence_of_exact_t_SNE()
    {
        // Both maps judged by the same objective: KL against the dense P of exact t-SNE.
        const double perplexity = 10;
        int n = Blobs.Data.GetLength(0), d = Blobs.Data.GetLength(1);
        double[] p = GaussianAffinities.Dense(TestData.Flatten(Blobs.Data), n, d, perplexity);
        var options = new TsneOptions(Perplexity: perplexity, Iterations: 500, Seed: 3);

        double exact = TsneGradient.KlDivergence(p, Interleave(Tsne.Embed(Blobs.Data, options with { Theta = 0 })), n);
        double barnesHut = TsneGradient.KlDivergence(p, Interleave(Tsne.Embed(Blobs.Data, options with { Theta = 0.5 })), n);
        double random = TsneGradient.KlDivergence(p, TestData.NormalRows(n, 2, 1), n);

        Assert.True(exact < random / 3, $"Exact t-SNE should optimise the objective: KL {exact:F3}, random map {random:F3}.");
        Assert.InRange(barnesHut, 0.95 * exact, 1.05 * exact);
    }

    [Fact]
    public void Optimisation_lowers_the_KL_divergence_after_exaggeration()
    {
        int n = Blobs.Data.GetLength(0), d = Blobs.Data.GetLength(1);
        double[] p = GaussianAffinities.Dense(TestData.Flatten(Blobs.Data), n, d, 10);
        var options = new TsneOptions(Perplexity: 10, Iterations: 300, ExaggerationIterations: 100);
        double[] y = Tsne.InitialMap(n, 1);
        var trace = new List<double>();

        Tsne.Optimize(y, n, (map, exaggeration, gradient) =>
        {
            if (exaggeration == 1) trace.Add(TsneGradient.KlDivergence(p, map, n));
            TsneGradient.Exact(p, map, n, exaggeration, gradient);
        }, options, CancellationToken.None);

        Assert.Equal(200, trace.Count);
        Assert.True(trace[^1] < 0.8 * trace[0], $"KL went from {trace[0]:F3} to {trace[^1]:F3}.");
    }

    [Fact]
    public void Initial_map_is_tiny_and_centred_near_zero()
    {
        double[] y = Tsne.InitialMap(5000, 8);

        double mean = y.Average(), sd = Math.Sqrt(y.Average(v => v * v));
        Assert.InRange(sd, 0.95e-4, 1.05e-4);
        Assert.InRange(mean, -5e-6, 5e-6);
    }

    [Fact]
    public void High_dimensional_input_goes_through_PCA()
    {
        // 80 features, more than the 50 PCA components kept by default.
        var (data, cluster) = TestData.Clusters(2, 20, 80, seed: 4);

        var map = Tsne.Embed(data, new TsneOptions(Perplexity: 5, Iterations: 1000, Seed: 2));

        for (int i = 0; i < 40; i++)
        {
            int nearest = Enumerable.Range(0, 40).Where(j => j != i).MinBy(j => MapDistance(map, i, j));
            Assert.Equal(cluster[i], cluster[nearest]);
        }
    }

    [Fact]
    public void Cancellation_stops_the_optimisation() =>
        Assert.Throws<OperationCanceledException>(() =>
            Tsne.Embed(Blobs.Data, new TsneOptions(Perplexity: 10), new CancellationToken(canceled: true)));

    [Theory]
    [InlineData(0.5, 40.0, "at most 39.67")]    // Barnes-Hut: 3·40 > 119 others
    [InlineData(0.0, 119.0, "below n − 1 = 119")] // exact
    [InlineData(0.5, 0.5, "at least 1")]
    public void Perplexity_too_large_or_small_is_rejected(double theta, double perplexity, string message)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => Tsne.Embed(Blobs.Data, new TsneOptions(Perplexity: perplexity, Theta: theta)));
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Theta_outside_zero_to_one_is_rejected(double theta) =>
        Assert.ThrowsAny<ArgumentException>(() => Tsne.Embed(Blobs.Data, new TsneOptions(Perplexity: 5, Theta: theta)));

    [Fact]
    public void Other_invalid_options_are_rejected()
    {
        Assert.ThrowsAny<ArgumentException>(() => Tsne.Embed(Blobs.Data, new TsneOptions(Perplexity: 5, Iterations: 0)));
        Assert.ThrowsAny<ArgumentException>(() => Tsne.Embed(Blobs.Data, new TsneOptions(Perplexity: 5, LearningRate: -1)));
        Assert.ThrowsAny<ArgumentException>(() => Tsne.Embed(Blobs.Data, new TsneOptions(Perplexity: 5, PcaDimensions: 1)));
        Assert.ThrowsAny<ArgumentException>(() => Tsne.Embed(Blobs.Data, new TsneOptions(Perplexity: 5, EarlyExaggeration: 0.5)));
    }

    [Fact]
    public void Non_finite_data_is_rejected()
    {
        var data = (double[,])Blobs.Data.Clone();
        data[7, 3] = double.NaN;

        var e = Assert.ThrowsAny<ArgumentException>(() => Tsne.Embed(data, new TsneOptions(Perplexity: 5)));
        Assert.Contains("finite", e.Message);
    }

    [Fact]
    public void Too_few_points_are_rejected() =>
        Assert.ThrowsAny<ArgumentException>(() => Tsne.Embed(new double[2, 4]));

    [Theory]
    [InlineData(6000, 125.0)] // 6000 / 12 / 4
    [InlineData(1000, 50.0)]  // 1000 / 12 / 4 ≈ 20.8, raised to the floor of 50
    public void Default_learning_rate_scales_with_the_number_of_points(int n, double expected) =>
        Assert.Equal(expected, new TsneOptions().ResolveLearningRate(n), 12);

    static double MapDistance(double[,] map, int i, int j) =>
        Math.Pow(map[i, 0] - map[j, 0], 2) + Math.Pow(map[i, 1] - map[j, 1], 2);

    static double[] Interleave(double[,] map) => [.. map.Cast<double>()];
}
