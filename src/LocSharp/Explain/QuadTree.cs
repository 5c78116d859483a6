namespace LocSharp.Explain;

/// <summary>
/// The 2-D space-partitioning tree of Barnes-Hut t-SNE (van der Maaten 2014, section 4.2): every node knows how many
/// map points it holds and their centre of mass, so the repulsion from a distant cell can be taken as if all its points
/// sat at that centre. Leaves hold one point, or several at identical coordinates (or below the depth limit).
/// </summary>
internal sealed class QuadTree
{
    // Beyond this depth cells are ~1e-15 of the map; keep points together instead of splitting further.
    const int MaxDepth = 50;

    readonly double[] y;
    // Per node; massX/massY hold coordinate sums while the tree is built and centres of mass afterwards.
    double[] centerX, centerY, halfWidthX, halfWidthY, massX, massY;
    int[] count, firstChild, head;
    readonly int[] next;
    int nodes;

    /// <param name="y">Interleaved map coordinates, (x0, y0, x1, y1, …).</param>
    public QuadTree(double[] y, int n)
    {
        this.y = y;
        int capacity = 4 * n + 1;
        centerX = new double[capacity];
        centerY = new double[capacity];
        halfWidthX = new double[capacity];
        halfWidthY = new double[capacity];
        massX = new double[capacity];
        massY = new double[capacity];
        count = new int[capacity];
        firstChild = new int[capacity];
        head = new int[capacity];
        next = new int[n];

        double meanX = 0, meanY = 0, minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (int i = 0; i < n; i++)
        {
            double px = y[2 * i], py = y[2 * i + 1];
            meanX += px;
            meanY += py;
            minX = Math.Min(minX, px);
            maxX = Math.Max(maxX, px);
            minY = Math.Min(minY, py);
            maxY = Math.Max(maxY, py);
        }
        meanX /= n;
        meanY /= n;
        // The margin keeps the extreme points strictly inside the root cell.
        AddNode(meanX, meanY, Math.Max(maxX - meanX, meanX - minX) + 1e-5, Math.Max(maxY - meanY, meanY - minY) + 1e-5);
        for (int i = 0; i < n; i++) Insert(i);
        for (int node = 0; node < nodes; node++)
        {
            if (count[node] == 0) continue;
            massX[node] /= count[node];
            massY[node] /= count[node];
        }
    }

    /// <summary>
    /// The unnormalised repulsion on point <paramref name="i"/>: Σ_j w_ij² (y_i − y_j) and Σ_j w_ij, with
    /// w_ij = 1 / (1 + ‖y_i − y_j‖²), where a cell whose larger half-width is below θ times its distance from y_i stands
    /// for all its points. θ = 0 visits every point.
    /// </summary>
    public (double Fx, double Fy, double SumW) Repulsion(int i, double theta)
    {
        double fx = 0, fy = 0, sumW = 0;
        Accumulate(0, i, y[2 * i], y[2 * i + 1], theta * theta, ref fx, ref fy, ref sumW);
        return (fx, fy, sumW);
    }

    void Accumulate(int node, int i, double px, double py, double theta2, ref double fx, ref double fy, ref double sumW)
    {
        if (count[node] == 0) return;
        if (firstChild[node] < 0)
        {
            for (int j = head[node]; j >= 0; j = next[j])
            {
                if (j == i) continue;
                double dx = px - y[2 * j], dy = py - y[2 * j + 1];
                double w = 1 / (1 + dx * dx + dy * dy);
                sumW += w;
                fx += w * w * dx;
                fy += w * w * dy;
            }
            return;
        }

        double cx = px - massX[node], cy = py - massY[node];
        double d2 = cx * cx + cy * cy;
        double width = Math.Max(halfWidthX[node], halfWidthY[node]);
        if (width * width < theta2 * d2)
        {
            double w = 1 / (1 + d2);
            double mass = count[node] * w;
            sumW += mass;
            fx += mass * w * cx;
            fy += mass * w * cy;
            return;
        }
        int first = firstChild[node];
        for (int c = 0; c < 4; c++) Accumulate(first + c, i, px, py, theta2, ref fx, ref fy, ref sumW);
    }

    void Insert(int p)
    {
        double px = y[2 * p], py = y[2 * p + 1];
        int node = 0;
        for (int depth = 0; ; depth++)
        {
            count[node]++;
            massX[node] += px;
            massY[node] += py;
            if (firstChild[node] < 0)
            {
                int resident = head[node];
                if (resident < 0 || depth >= MaxDepth || (y[2 * resident] == px && y[2 * resident + 1] == py))
                {
                    next[p] = resident;
                    head[node] = p;
                    return;
                }
                // Split; the residents (all at one position) move down together, then p continues below.
                Subdivide(node);
                int child = firstChild[node] + Quadrant(node, y[2 * resident], y[2 * resident + 1]);
                head[child] = resident;
                for (int r = resident; r >= 0; r = next[r])
                {
                    count[child]++;
                    massX[child] += y[2 * r];
                    massY[child] += y[2 * r + 1];
                }
                head[node] = -1;
            }
            node = firstChild[node] + Quadrant(node, px, py);
        }
    }

    int Quadrant(int node, double px, double py) => (px >= centerX[node] ? 1 : 0) + (py >= centerY[node] ? 2 : 0);

    void Subdivide(int node)
    {
        double hx = halfWidthX[node] / 2, hy = halfWidthY[node] / 2;
        firstChild[node] = nodes;
        // Order matches Quadrant: bit 0 = right half, bit 1 = upper half.
        AddNode(centerX[node] - hx, centerY[node] - hy, hx, hy);
        AddNode(centerX[node] + hx, centerY[node] - hy, hx, hy);
        AddNode(centerX[node] - hx, centerY[node] + hy, hx, hy);
        AddNode(centerX[node] + hx, centerY[node] + hy, hx, hy);
    }

    void AddNode(double cx, double cy, double hx, double hy)
    {
        if (nodes == count.Length) Grow();
        centerX[nodes] = cx;
        centerY[nodes] = cy;
        halfWidthX[nodes] = hx;
        halfWidthY[nodes] = hy;
        massX[nodes] = massY[nodes] = 0;
        count[nodes] = 0;
        firstChild[nodes] = -1;
        head[nodes] = -1;
        nodes++;
    }

    void Grow()
    {
        int size = 2 * count.Length;
        Array.Resize(ref centerX, size);
        Array.Resize(ref centerY, size);
        Array.Resize(ref halfWidthX, size);
        Array.Resize(ref halfWidthY, size);
        Array.Resize(ref massX, size);
        Array.Resize(ref massY, size);
        Array.Resize(ref count, size);
        Array.Resize(ref firstChild, size);
        Array.Resize(ref head, size);
    }
}
