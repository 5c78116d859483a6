using LocSharp.Projection;

namespace LocSharp.Tests.Projection;

public class TsneGradientTests
{
    [Fact]
    public void Exact_gradient_matches_finite_differences_of_the_KL_divergence()
    {
        const int n = 6, d = 3;
        double[] p = GaussianAffinities.Dense(TestData.NormalRows(n, d, 1), n, d, 2);
        double[] y = TestData.NormalRows(n, 2, 2);
        var gradient = new double[2 * n];

        TsneGradient.Exact(p, y, n, 1, gradient);

        const double h = 1e-6;
        for (int k = 0; k < 2 * n; k++)
        {
            double[] plus = (double[])y.Clone(), minus = (double[])y.Clone();
            plus[k] += h;
            minus[k] -= h;
            double numeric = (TsneGradient.KlDivergence(p, plus, n) - TsneGradient.KlDivergence(p, minus, n)) / (2 * h);
            Assert.Equal(numeric, gradient[k], 1e-7);
        }
        Assert.True(gradient.Max(Math.Abs) > 1e-3, "The test map should not be near a stationary point.");
    }

    [Fact]
    public void Dense_and_sparse_KL_agree_for_the_same_P()
    {
        const int n = 40, d = 4;
        var sparse = GaussianAffinities.Sparse(TestData.NormalRows(n, d, 6), n, d, 4, new Random(1));
        double[] y = TestData.NormalRows(n, 2, 7);

        Assert.Equal(TsneGradient.KlDivergence(sparse.ToDense(), y, n), TsneGradient.KlDivergence(sparse, y, n), 12);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(12.0)]
    public void Barnes_Hut_with_theta_zero_equals_the_exact_gradient(double exaggeration)
    {
        const int n = 60, d = 5;
        var p = GaussianAffinities.Sparse(TestData.NormalRows(n, d, 3), n, d, 5, new Random(1));
        double[] y = TestData.NormalRows(n, 2, 4);
        // Coinciding map points share a quadtree leaf; they must still be counted one by one.
        (y[6], y[7]) = (y[14], y[15]);
        var exact = new double[2 * n];
        var barnesHut = new double[2 * n];

        TsneGradient.Exact(p.ToDense(), y, n, exaggeration, exact);
        TsneGradient.BarnesHut(p, y, n, 0, exaggeration, barnesHut);

        for (int k = 0; k < 2 * n; k++) Assert.Equal(exact[k], barnesHut[k], 1e-12);
    }

    [Fact]
    public void Barnes_Hut_error_shrinks_with_theta()
    {
        const int n = 400, d = 5;
        var p = GaussianAffinities.Sparse(TestData.NormalRows(n, d, 8), n, d, 10, new Random(1));
        double[] y = TestData.NormalRows(n, 2, 9);
        for (int k = 0; k < y.Length; k++) y[k] *= 10;
        var exact = new double[2 * n];
        TsneGradient.Exact(p.ToDense(), y, n, 1, exact);
        double norm = Math.Sqrt(exact.Sum(a => a * a));

        double[] errors = [.. new[] { 0.1, 0.25, 0.5 }.Select(theta =>
        {
            var barnesHut = new double[2 * n];
            TsneGradient.BarnesHut(p, y, n, theta, 1, barnesHut);
            return Math.Sqrt(exact.Zip(barnesHut, (a, b) => (a - b) * (a - b)).Sum()) / norm;
        })];

        // The monopole approximation errs by roughly (cell size / distance)², so about θ² or faster.
        Assert.InRange(errors[0], 1e-6, 0.005);
        Assert.True(errors[0] < errors[1] && errors[1] < errors[2], $"Errors {string.Join(", ", errors)} should grow with θ.");
        Assert.InRange(errors[2], 0, 0.15);
    }
}
