using LocSharp.Projection;

namespace LocSharp.Tests.Projection;

public class PcaTests
{
    [Fact]
    public void Data_of_rank_three_keeps_its_geometry_on_three_components()
    {
        // 3-D points with different spreads per axis, rotated into 8-D by a random orthonormal basis.
        const int n = 40, d = 8, rank = 3;
        var random = new Random(21);
        double[] basis = OrthonormalRows(rank, d, random);
        var x = new double[n * d];
        for (int i = 0; i < n; i++)
        for (int r = 0; r < rank; r++)
        {
            double coordinate = (3 - r) * TestData.Normal(random);
            for (int a = 0; a < d; a++) x[i * d + a] += coordinate * basis[r * d + a];
        }
        Center(x, n, d);

        double[] projected = Pca.Project(x, n, d, rank);

        for (int i = 0; i < n; i++)
        for (int j = 0; j < i; j++)
            Assert.Equal(TestData.SquaredDistance(x, i, j, d), TestData.SquaredDistance(projected, i, j, rank), 1e-9);
        double[] variance = [.. Enumerable.Range(0, rank).Select(c => Enumerable.Range(0, n).Sum(i => projected[i * rank + c] * projected[i * rank + c]))];
        Assert.True(variance[0] > variance[1] && variance[1] > variance[2], "Components must come in order of variance.");
    }

    [Fact]
    public void First_component_carries_the_largest_eigenvalue_of_the_scatter_matrix()
    {
        // Points along y = x with a little noise across. For the 2×2 scatter [[a, b], [b, c]] the largest eigenvalue
        // is (a + c)/2 + √(((a − c)/2)² + b²), and it must equal the sum of squares of the first component.
        const int n = 50;
        var random = new Random(5);
        var x = new double[2 * n];
        for (int i = 0; i < n; i++)
        {
            double along = 5 * TestData.Normal(random), across = 0.1 * TestData.Normal(random);
            x[2 * i] = (along + across) / Math.Sqrt(2);
            x[2 * i + 1] = (along - across) / Math.Sqrt(2);
        }
        Center(x, n, 2);
        double sa = 0, sb = 0, sc = 0;
        for (int i = 0; i < n; i++)
        {
            sa += x[2 * i] * x[2 * i];
            sb += x[2 * i] * x[2 * i + 1];
            sc += x[2 * i + 1] * x[2 * i + 1];
        }
        double largest = (sa + sc) / 2 + Math.Sqrt((sa - sc) * (sa - sc) / 4 + sb * sb);

        double[] projected = Pca.Project(x, n, 2, 1);

        Assert.Equal(largest, projected.Sum(v => v * v), 1e-9);
    }

    static void Center(double[] x, int n, int d)
    {
        for (int a = 0; a < d; a++)
        {
            double mean = Enumerable.Range(0, n).Average(i => x[i * d + a]);
            for (int i = 0; i < n; i++) x[i * d + a] -= mean;
        }
    }

    static double[] OrthonormalRows(int rows, int d, Random random)
    {
        var q = new double[rows * d];
        for (int r = 0; r < rows; r++)
        {
            for (int a = 0; a < d; a++) q[r * d + a] = TestData.Normal(random);
            for (int s = 0; s < r; s++)
            {
                double dot = Enumerable.Range(0, d).Sum(a => q[r * d + a] * q[s * d + a]);
                for (int a = 0; a < d; a++) q[r * d + a] -= dot * q[s * d + a];
            }
            double norm = Math.Sqrt(Enumerable.Range(0, d).Sum(a => q[r * d + a] * q[r * d + a]));
            for (int a = 0; a < d; a++) q[r * d + a] /= norm;
        }
        return q;
    }
}
