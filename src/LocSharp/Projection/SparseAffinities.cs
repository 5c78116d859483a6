namespace LocSharp.Projection;

/// <summary>
/// A sparse n×n matrix of input affinities in compressed-row form: the entries of row i are
/// <c>Columns[RowStart[i]..RowStart[i + 1]]</c> with values <c>Values[...]</c>, columns ascending.
/// </summary>
internal sealed record SparseAffinities(int Points, int[] RowStart, int[] Columns, double[] Values)
{
    /// <summary>
    /// The joint P of Barnes-Hut t-SNE from each point's conditional distribution over its neighbours:
    /// p_ij = (p_j|i + p_i|j) / 2n, where p_j|i is 0 for j outside i's neighbour list.
    /// </summary>
    /// <param name="neighbours">neighbours[i]: the indices of i's nearest neighbours.</param>
    /// <param name="conditional">conditional[i][m]: p_j|i for j = neighbours[i][m].</param>
    public static SparseAffinities Symmetrized(int[][] neighbours, double[][] conditional)
    {
        int n = neighbours.Length;
        var rows = new List<(int Column, double Value)>[n];
        for (int i = 0; i < n; i++) rows[i] = new List<(int, double)>(2 * neighbours[i].Length);
        for (int i = 0; i < n; i++)
        for (int m = 0; m < neighbours[i].Length; m++)
        {
            int j = neighbours[i][m];
            rows[i].Add((j, conditional[i][m]));
            rows[j].Add((i, conditional[i][m]));
        }

        var rowStart = new int[n + 1];
        var columns = new List<int>();
        var values = new List<double>();
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            // Stable sort, so equal columns are merged in insertion order and the sums are reproducible.
            var row = rows[i].OrderBy(e => e.Column).ToList();
            for (int e = 0; e < row.Count; e++)
            {
                if (e > 0 && row[e].Column == row[e - 1].Column) values[^1] += row[e].Value;
                else
                {
                    columns.Add(row[e].Column);
                    values.Add(row[e].Value);
                }
                total += row[e].Value;
            }
            rowStart[i + 1] = columns.Count;
        }
        double[] normalized = [.. values.Select(v => v / total)];
        return new SparseAffinities(n, rowStart, [.. columns], normalized);
    }

    /// <summary>The same matrix as a dense row-major n×n array.</summary>
    public double[] ToDense()
    {
        var dense = new double[Points * Points];
        for (int i = 0; i < Points; i++)
        for (int e = RowStart[i]; e < RowStart[i + 1]; e++)
            dense[i * Points + Columns[e]] = Values[e];
        return dense;
    }
}
