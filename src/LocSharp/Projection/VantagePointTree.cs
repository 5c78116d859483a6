namespace LocSharp.Projection;

/// <summary>
/// Exact k-nearest-neighbour search in Euclidean space with a vantage-point tree (Yianilos 1993), as in
/// van der Maaten's Barnes-Hut t-SNE. The tree is implicit in a permutation of the points: the range [lo, hi) has its
/// vantage point at lo, the points closer than the threshold in [lo + 1, mid) and the others in [mid, hi).
/// </summary>
internal sealed class VantagePointTree
{
    readonly double[] x;
    readonly int d;
    readonly int[] items;
    readonly double[] thresholds;

    /// <param name="x">Row-major n×d points.</param>
    /// <param name="random">Picks the vantage points; fix its seed for a reproducible tree.</param>
    public VantagePointTree(double[] x, int n, int d, Random random)
    {
        this.x = x;
        this.d = d;
        items = [.. Enumerable.Range(0, n)];
        thresholds = new double[n];
        var keys = new double[n];
        Build(0, n, random, keys);
    }

    /// <summary>
    /// The <paramref name="k"/> points nearest to point <paramref name="query"/> (itself excluded), nearest first,
    /// with their squared distances.
    /// </summary>
    public (int[] Indices, double[] SquaredDistances) Nearest(int query, int k)
    {
        // One extra, since the query point is in the tree.
        var heap = new PriorityQueue<int, double>(k + 2, Comparer<double>.Create((a, b) => b.CompareTo(a)));
        double tau = double.PositiveInfinity;
        Search(0, items.Length, VectorMath.Row(x, query, d), k + 1, heap, ref tau);

        var found = new List<(int Index, double Distance)>(k + 1);
        while (heap.TryDequeue(out int index, out double distance)) found.Add((index, distance));
        found.Reverse();
        int self = found.FindIndex(f => f.Index == query);
        // With duplicates of the query the tree may return k others at distance 0 and not the query itself.
        found.RemoveAt(self >= 0 ? self : found.Count - 1);

        var indices = new int[k];
        var squared = new double[k];
        for (int m = 0; m < k; m++)
        {
            indices[m] = found[m].Index;
            squared[m] = found[m].Distance * found[m].Distance;
        }
        return (indices, squared);
    }

    double Distance(int a, ReadOnlySpan<double> point) => Math.Sqrt(VectorMath.SquaredDistance(VectorMath.Row(x, a, d), point));

    void Build(int lo, int hi, Random random, double[] keys)
    {
        if (hi - lo < 2) return;
        int vantage = lo + random.Next(hi - lo);
        (items[lo], items[vantage]) = (items[vantage], items[lo]);
        var origin = VectorMath.Row(x, items[lo], d);
        for (int m = lo + 1; m < hi; m++) keys[m] = Distance(items[m], origin);
        Array.Sort(keys, items, lo + 1, hi - lo - 1);
        int mid = (lo + hi) / 2;
        thresholds[lo] = keys[mid];
        Build(lo + 1, mid, random, keys);
        Build(mid, hi, random, keys);
    }

    void Search(int lo, int hi, ReadOnlySpan<double> target, int k, PriorityQueue<int, double> heap, ref double tau)
    {
        if (lo >= hi) return;
        double distance = Distance(items[lo], target);
        if (distance < tau)
        {
            if (heap.Count == k) heap.Dequeue();
            heap.Enqueue(items[lo], distance);
            if (heap.Count == k) tau = heap.TryPeek(out _, out double farthest) ? farthest : tau;
        }
        if (hi - lo < 2) return;

        int mid = (lo + hi) / 2;
        double threshold = thresholds[lo];
        // Visit first the side the target is on; the other side only if the ball of radius tau reaches across.
        if (distance < threshold)
        {
            if (distance - tau <= threshold) Search(lo + 1, mid, target, k, heap, ref tau);
            if (distance + tau >= threshold) Search(mid, hi, target, k, heap, ref tau);
        }
        else
        {
            if (distance + tau >= threshold) Search(mid, hi, target, k, heap, ref tau);
            if (distance - tau <= threshold) Search(lo + 1, mid, target, k, heap, ref tau);
        }
    }
}
