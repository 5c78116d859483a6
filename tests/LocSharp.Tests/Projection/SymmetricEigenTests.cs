using LocSharp.Projection;

namespace LocSharp.Tests.Projection;

public class SymmetricEigenTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(60)]
    public void Decomposition_satisfies_A_v_equals_lambda_v_with_orthonormal_vectors(int n)
    {
        var a = TestData.Symmetric(n, seed: n);

        var (values, vectors) = SymmetricEigen.Decompose(a);

        for (int k = 0; k < n; k++)
        {
            for (int i = 0; i < n; i++)
            {
                double av = 0;
                for (int j = 0; j < n; j++) av += a[i, j] * vectors[k][j];
                Assert.Equal(values[k] * vectors[k][i], av, 1e-10);
            }
            for (int m = 0; m < n; m++)
                Assert.Equal(k == m ? 1.0 : 0.0, vectors[k].Zip(vectors[m], (u, v) => u * v).Sum(), 1e-12);
            if (k > 0) Assert.True(values[k - 1] >= values[k], "Eigenvalues must be in descending order.");
        }
        // The trace is the sum of the eigenvalues.
        Assert.Equal(Enumerable.Range(0, n).Sum(i => a[i, i]), values.Sum(), 1e-10);
    }

    [Fact]
    public void Known_two_by_two()
    {
        // [[2, 1], [1, 2]] has eigenvalues 3 and 1, with eigenvectors (1, 1)/√2 and (1, −1)/√2.
        var (values, vectors) = SymmetricEigen.Decompose(new double[,] { { 2, 1 }, { 1, 2 } });

        Assert.Equal(3, values[0], 14);
        Assert.Equal(1, values[1], 14);
        Assert.Equal(1 / Math.Sqrt(2), Math.Abs(vectors[0][0]), 14);
        Assert.Equal(vectors[0][0], vectors[0][1], 14);
        Assert.Equal(vectors[1][0], -vectors[1][1], 14);
    }

    [Fact]
    public void Repeated_and_zero_eigenvalues()
    {
        var (values, _) = SymmetricEigen.Decompose(new double[,] { { 2, 0, 0, 0 }, { 0, 0, 0, 0 }, { 0, 0, 2, 0 }, { 0, 0, 0, 5 } });

        Assert.Equal([5.0, 2.0, 2.0, 0.0], values);
    }
}
