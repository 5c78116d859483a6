namespace LocSharp.Tests.Projection;

/// <summary>Seeded random inputs for the projection tests.</summary>
static class TestData
{
    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>An n×n symmetric matrix of standard normal values.</summary>
    public static double[,] Symmetric(int n, int seed)
    {
        var random = new Random(seed);
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
        for (int j = 0; j <= i; j++)
            a[i, j] = a[j, i] = Normal(random);
        return a;
    }

    /// <summary>Row-major n×d standard normal values.</summary>
    public static double[] NormalRows(int n, int d, int seed)
    {
        var random = new Random(seed);
        var x = new double[n * d];
        for (int i = 0; i < x.Length; i++) x[i] = Normal(random);
        return x;
    }

    /// <summary>
    /// <paramref name="clusters"/> Gaussian blobs of unit spread around centres 10 apart on different axes, and each
    /// point's cluster.
    /// </summary>
    public static (double[,] Data, int[] Cluster) Clusters(int clusters, int perCluster, int d, int seed)
    {
        var random = new Random(seed);
        var data = new double[clusters * perCluster, d];
        var label = new int[clusters * perCluster];
        for (int c = 0; c < clusters; c++)
        for (int m = 0; m < perCluster; m++)
        {
            int i = c * perCluster + m;
            label[i] = c;
            for (int a = 0; a < d; a++) data[i, a] = (a == c ? 10 : 0) + Normal(random);
        }
        return (data, label);
    }

    public static double[] Flatten(double[,] data)
    {
        int n = data.GetLength(0), d = data.GetLength(1);
        var x = new double[n * d];
        for (int i = 0; i < n; i++)
        for (int a = 0; a < d; a++)
            x[i * d + a] = data[i, a];
        return x;
    }

    public static double SquaredDistance(double[] x, int i, int j, int d)
    {
        double sum = 0;
        for (int a = 0; a < d; a++) sum += (x[i * d + a] - x[j * d + a]) * (x[i * d + a] - x[j * d + a]);
        return sum;
    }
}
