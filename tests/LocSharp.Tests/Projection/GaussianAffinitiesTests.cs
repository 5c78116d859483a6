using LocSharp.Projection;

namespace LocSharp.Tests.Projection;

public class GaussianAffinitiesTests
{
    [Theory]
    [InlineData(5.0)]
    [InlineData(30.0)]
    [InlineData(1.5)]
    public void Conditional_row_sums_to_one_and_has_the_requested_perplexity(double perplexity)
    {
        // Squared distances spanning two orders of magnitude, as for far and near neighbours.
        var random = new Random(3);
        double[] distances = [.. Enumerable.Range(0, 90).Select(_ => 0.5 + 50 * random.NextDouble() * random.NextDouble())];
        var p = new double[distances.Length];

        double beta = GaussianAffinities.ConditionalRow(distances, perplexity, p);

        Assert.Equal(1.0, p.Sum(), 12);
        double entropy = -p.Where(v => v > 0).Sum(v => v * Math.Log(v));
        Assert.Equal(Math.Log(perplexity), entropy, 1e-4);
        // The row is the Gaussian with the returned precision: p_j ∝ exp(−β d_j).
        double z = distances.Sum(dj => Math.Exp(-beta * dj));
        for (int j = 0; j < p.Length; j++) Assert.Equal(Math.Exp(-beta * distances[j]) / z, p[j], 1e-12);
    }

    [Fact]
    public void Conditional_row_survives_huge_distances()
    {
        // exp(−β·1e6) underflows for any β near 1; the result must still be a distribution with the right entropy.
        double[] distances = [.. Enumerable.Range(0, 20).Select(j => 1e6 + j * 1e3)];
        var p = new double[distances.Length];

        GaussianAffinities.ConditionalRow(distances, 4, p);

        Assert.Equal(1.0, p.Sum(), 12);
        Assert.Equal(Math.Log(4), -p.Where(v => v > 0).Sum(v => v * Math.Log(v)), 1e-4);
    }

    [Fact]
    public void Dense_P_is_symmetric_with_zero_diagonal_and_sums_to_one()
    {
        const int n = 25, d = 4;
        double[] x = TestData.NormalRows(n, d, 5);

        double[] p = GaussianAffinities.Dense(x, n, d, 6);

        Assert.Equal(1.0, p.Sum(), 12);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(0.0, p[i * n + i]);
            for (int j = 0; j < n; j++) Assert.Equal(p[i * n + j], p[j * n + i]);
        }
    }

    [Fact]
    public void Dense_P_is_the_average_of_the_two_conditionals()
    {
        const int n = 8, d = 3;
        double[] x = TestData.NormalRows(n, d, 11);
        var conditional = new double[n][];
        for (int i = 0; i < n; i++)
        {
            double[] distances = [.. Enumerable.Range(0, n).Where(j => j != i).Select(j => TestData.SquaredDistance(x, i, j, d))];
            conditional[i] = new double[n - 1];
            GaussianAffinities.ConditionalRow(distances, 3, conditional[i]);
        }
        // conditional[i] skips column i: p_j|i sits at j for j < i and at j − 1 after.
        double Conditional(int i, int j) => conditional[i][j < i ? j : j - 1];

        double[] p = GaussianAffinities.Dense(x, n, d, 3);

        Assert.Equal((Conditional(0, 5) + Conditional(5, 0)) / (2 * n), p[0 * n + 5], 15);
        Assert.Equal((Conditional(7, 2) + Conditional(2, 7)) / (2 * n), p[7 * n + 2], 15);
    }

    [Fact]
    public void Sparse_P_with_every_point_a_neighbour_equals_dense_P()
    {
        // 3·perplexity = 9 = n − 1: the neighbour lists hold every other point.
        const int n = 10, d = 3;
        double[] x = TestData.NormalRows(n, d, 2);

        double[] sparse = GaussianAffinities.Sparse(x, n, d, 3, new Random(1)).ToDense();
        double[] dense = GaussianAffinities.Dense(x, n, d, 3);

        for (int k = 0; k < n * n; k++) Assert.Equal(dense[k], sparse[k], 1e-12);
    }

    [Fact]
    public void Sparse_P_is_symmetric_and_sums_to_one()
    {
        const int n = 200, d = 5;
        var p = GaussianAffinities.Sparse(TestData.NormalRows(n, d, 9), n, d, 5, new Random(4));
        double[] dense = p.ToDense();

        Assert.Equal(1.0, p.Values.Sum(), 12);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(0.0, dense[i * n + i]);
            // At least the 15 own neighbours; more where others chose i.
            Assert.InRange(p.RowStart[i + 1] - p.RowStart[i], 15, n - 1);
            for (int j = 0; j < n; j++) Assert.Equal(dense[i * n + j], dense[j * n + i]);
        }
    }
}
