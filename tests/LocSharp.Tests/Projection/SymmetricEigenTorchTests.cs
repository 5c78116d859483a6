using LocSharp.Projection;
using static TorchSharp.torch;

namespace LocSharp.Tests.Projection;

/// <summary><see cref="SymmetricEigen"/> against libtorch's own solver, <c>torch.linalg.eigh</c>.</summary>
[Collection(TorchCollection.Name)]
public class SymmetricEigenTorchTests
{
    [Theory]
    [InlineData(2, 1)]
    [InlineData(5, 2)]
    [InlineData(13, 3)]
    [InlineData(40, 4)]
    public void Decomposition_matches_torch_linalg_eigh(int n, int seed)
    {
        var a = TestData.Symmetric(n, seed);

        var (values, vectors) = SymmetricEigen.Decompose(a);

        using var scope = NewDisposeScope();
        var (torchValues, torchVectors) = linalg.eigh(tensor(a)); // ascending; eigenvectors are the columns
        double[] expectedValues = torchValues.data<double>().ToArray();
        double[] columns = torchVectors.contiguous().data<double>().ToArray(); // row-major [n, n]
        for (int k = 0; k < n; k++)
        {
            int t = n - 1 - k; // SymmetricEigen sorts descending
            Assert.Equal(expectedValues[t], values[k], 1e-10);
            // Random matrices have distinct eigenvalues, so each eigenvector is unique up to its sign.
            double[] expected = [.. Enumerable.Range(0, n).Select(i => columns[i * n + t])];
            double sign = Math.Sign(expected.Zip(vectors[k], (u, v) => u * v).Sum());
            for (int i = 0; i < n; i++) Assert.Equal(expected[i], sign * vectors[k][i], 1e-9);
        }
    }
}
