namespace LocSharp.Projection;

/// <summary>
/// The t-SNE objective KL(P‖Q) and its gradient with respect to the map (van der Maaten &amp; Hinton 2008, eq. 5):
/// ∂C/∂y_i = 4 Σ_j (α·p_ij − q_ij) w_ij (y_i − y_j), with w_ij = 1 / (1 + ‖y_i − y_j‖²), q_ij = w_ij / Σ_kl w_kl and
/// α the early exaggeration. Maps are interleaved (x0, y0, x1, y1, …).
/// </summary>
internal static class TsneGradient
{
    /// <summary>Exact gradient for a dense row-major P; O(n²).</summary>
    public static void Exact(double[] p, double[] y, int n, double exaggeration, double[] gradient)
    {
        double z = SumW(y, n);
        Parallel.For(0, n, i =>
        {
            double xi = y[2 * i], yi = y[2 * i + 1], gx = 0, gy = 0;
            for (int j = 0; j < n; j++)
            {
                if (j == i) continue;
                double dx = xi - y[2 * j], dy = yi - y[2 * j + 1];
                double w = 1 / (1 + dx * dx + dy * dy);
                double m = (exaggeration * p[i * n + j] - w / z) * w;
                gx += m * dx;
                gy += m * dy;
            }
            gradient[2 * i] = 4 * gx;
            gradient[2 * i + 1] = 4 * gy;
        });
    }

    /// <summary>
    /// Barnes-Hut gradient (van der Maaten 2014): the attraction exactly over the non-zeros of the sparse P, the
    /// repulsion −Σ_j q_ij w_ij (y_i − y_j) approximated with a quadtree at accuracy <paramref name="theta"/>.
    /// </summary>
    public static void BarnesHut(SparseAffinities p, double[] y, int n, double theta, double exaggeration, double[] gradient)
    {
        var tree = new QuadTree(y, n);
        var repulsion = new double[2 * n];
        var sumW = new double[n];
        Parallel.For(0, n, i =>
        {
            double xi = y[2 * i], yi = y[2 * i + 1], ax = 0, ay = 0;
            for (int e = p.RowStart[i]; e < p.RowStart[i + 1]; e++)
            {
                int j = p.Columns[e];
                double dx = xi - y[2 * j], dy = yi - y[2 * j + 1];
                double m = p.Values[e] / (1 + dx * dx + dy * dy);
                ax += m * dx;
                ay += m * dy;
            }
            gradient[2 * i] = ax;
            gradient[2 * i + 1] = ay;
            (repulsion[2 * i], repulsion[2 * i + 1], sumW[i]) = tree.Repulsion(i, theta);
        });
        // Summed in index order, not per thread, so the result does not depend on scheduling.
        double z = 0;
        foreach (double s in sumW) z += s;
        for (int k = 0; k < 2 * n; k++) gradient[k] = 4 * (exaggeration * gradient[k] - repulsion[k] / z);
    }

    /// <summary>KL(P‖Q) = Σ p_ij log(p_ij / q_ij) for a dense P; O(n²).</summary>
    public static double KlDivergence(double[] p, double[] y, int n)
    {
        double z = SumW(y, n), kl = 0;
        for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            if (j != i && p[i * n + j] > 0) kl += p[i * n + j] * Math.Log(p[i * n + j] * z * (1 + SquaredDistance(y, i, j)));
        return kl;
    }

    /// <summary>KL(P‖Q) for a sparse P, with Q normalised exactly over all pairs; O(n²).</summary>
    public static double KlDivergence(SparseAffinities p, double[] y, int n)
    {
        double z = SumW(y, n), kl = 0;
        for (int i = 0; i < n; i++)
        for (int e = p.RowStart[i]; e < p.RowStart[i + 1]; e++)
            if (p.Values[e] > 0) kl += p.Values[e] * Math.Log(p.Values[e] * z * (1 + SquaredDistance(y, i, p.Columns[e])));
        return kl;
    }

    /// <summary>Σ_{i≠j} w_ij, the normaliser of Q.</summary>
    static double SumW(double[] y, int n)
    {
        var rows = new double[n];
        Parallel.For(0, n, i =>
        {
            double s = 0;
            for (int j = 0; j < n; j++)
                if (j != i) s += 1 / (1 + SquaredDistance(y, i, j));
            rows[i] = s;
        });
        double z = 0;
        foreach (double r in rows) z += r;
        return z;
    }

    static double SquaredDistance(double[] y, int i, int j)
    {
        double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
        return dx * dx + dy * dy;
    }
}
