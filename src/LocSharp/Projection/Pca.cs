namespace LocSharp.Projection;

/// <summary>Principal component analysis by eigen-decomposition of the covariance matrix.</summary>
internal static class Pca
{
    /// <summary>
    /// Coordinates of the rows of <paramref name="centered"/> (row-major n×d, column means 0) on the first
    /// <paramref name="components"/> principal axes: row-major n×components.
    /// </summary>
    public static double[] Project(double[] centered, int n, int d, int components)
    {
        // Feature-major copy, so each covariance entry is one contiguous dot product.
        var columns = new double[d][];
        for (int a = 0; a < d; a++)
        {
            columns[a] = new double[n];
            for (int i = 0; i < n; i++) columns[a][i] = centered[i * d + a];
        }
        // The scatter matrix XᵀX has the covariance's eigenvectors; the 1/(n − 1) does not matter here.
        var scatter = new double[d, d];
        Parallel.For(0, d, a =>
        {
            for (int b = 0; b <= a; b++) scatter[a, b] = VectorMath.Dot(columns[a], columns[b]);
        });

        var (_, axes) = SymmetricEigen.Decompose(scatter);
        var projected = new double[n * components];
        Parallel.For(0, n, i =>
        {
            var row = VectorMath.Row(centered, i, d);
            for (int c = 0; c < components; c++) projected[i * components + c] = VectorMath.Dot(row, axes[c]);
        });
        return projected;
    }
}
