using System.Runtime.InteropServices;

namespace LocSharp.Projection;

/// <summary>
/// The 2-D space-partitioning tree of Barnes-Hut t-SNE (van der Maaten 2014, section 4.2): every node knows how many
/// map points it holds and their centre of mass, so the repulsion from a distant cell can be taken as if all its points
/// sat at that centre. Leaves hold one point, or several at identical coordinates (or below the depth limit).
/// </summary>
internal sealed class QuadTree
{
    // Beyond this depth cells are ~1e-15 of the map; keep points together instead of splitting further.
    const int MaxDepth = 50;

    /// <summary>What the force computation reads of a node, packed together for the cache.</summary>
    [StructLayout(LayoutKind.Sequential)]
    struct Node
    {
        public double MassX, MassY; // coordinate sums while building, centre of mass afterwards
        public double CenterX, CenterY, HalfWidthX, HalfWidthY;
        public double WidthSquared; // larger half-width, squared
        public int Count, FirstChild, Head;
    }

    readonly double[] y;
    readonly int[] next;
    Node[] nodes;
    int nodeCount;

    /// <param name="y">Interleaved map coordinates, (x0, y0, x1, y1, …).</param>
    public QuadTree(double[] y, int n)
    {
        this.y = y;
        nodes = new Node[2 * n + 1];
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
        for (int k = 0; k < nodeCount; k++)
        {
            ref var node = ref nodes[k];
            if (node.Count == 0) continue;
            node.MassX /= node.Count;
            node.MassY /= node.Count;
        }
    }

    /// <summary>
    /// The unnormalised repulsion on point <paramref name="i"/>: Σ_j w_ij² (y_i − y_j) and Σ_j w_ij, with
    /// w_ij = 1 / (1 + ‖y_i − y_j‖²), where a cell whose larger half-width is below θ times its distance from y_i stands
    /// for all its points. θ = 0 visits every point.
    /// </summary>
    public (double Fx, double Fy, double SumW) Repulsion(int i, double theta)
    {
        double px = y[2 * i], py = y[2 * i + 1], theta2 = theta * theta;
        double fx = 0, fy = 0, sumW = 0;
        Span<int> stack = stackalloc int[3 * MaxDepth + 4];
        int top = 0;
        stack[top++] = 0;
        while (top > 0)
        {
            ref readonly var node = ref nodes[stack[--top]];
            if (node.Count == 0) continue;
            if (node.FirstChild < 0)
            {
                for (int j = node.Head; j >= 0; j = next[j])
                {
                    if (j == i) continue;
                    double dx = px - y[2 * j], dy = py - y[2 * j + 1];
                    double w = 1 / (1 + dx * dx + dy * dy);
                    sumW += w;
                    fx += w * w * dx;
                    fy += w * w * dy;
                }
                continue;
            }
            double cx = px - node.MassX, cy = py - node.MassY;
            double d2 = cx * cx + cy * cy;
            if (node.WidthSquared < theta2 * d2)
            {
                double w = 1 / (1 + d2);
                double mass = node.Count * w;
                sumW += mass;
                fx += mass * w * cx;
                fy += mass * w * cy;
                continue;
            }
            // Pushed in reverse, so children are visited in quadrant order, as a recursion would.
            for (int c = 3; c >= 0; c--) stack[top++] = node.FirstChild + c;
        }
        return (fx, fy, sumW);
    }

    void Insert(int p)
    {
        double px = y[2 * p], py = y[2 * p + 1];
        int k = 0;
        for (int depth = 0; ; depth++)
        {
            nodes[k].Count++;
            nodes[k].MassX += px;
            nodes[k].MassY += py;
            if (nodes[k].FirstChild < 0)
            {
                int resident = nodes[k].Head;
                if (resident < 0 || depth >= MaxDepth || (y[2 * resident] == px && y[2 * resident + 1] == py))
                {
                    next[p] = resident;
                    nodes[k].Head = p;
                    return;
                }
                // Split; the residents (all at one position) move down together, then p continues below.
                Subdivide(k);
                ref var child = ref nodes[nodes[k].FirstChild + Quadrant(k, y[2 * resident], y[2 * resident + 1])];
                child.Head = resident;
                for (int r = resident; r >= 0; r = next[r])
                {
                    child.Count++;
                    child.MassX += y[2 * r];
                    child.MassY += y[2 * r + 1];
                }
                nodes[k].Head = -1;
            }
            k = nodes[k].FirstChild + Quadrant(k, px, py);
        }
    }

    int Quadrant(int k, double px, double py) => (px >= nodes[k].CenterX ? 1 : 0) + (py >= nodes[k].CenterY ? 2 : 0);

    void Subdivide(int k)
    {
        double cx = nodes[k].CenterX, cy = nodes[k].CenterY, hx = nodes[k].HalfWidthX / 2, hy = nodes[k].HalfWidthY / 2;
        int first = nodeCount;
        // Order matches Quadrant: bit 0 = right half, bit 1 = upper half.
        AddNode(cx - hx, cy - hy, hx, hy);
        AddNode(cx + hx, cy - hy, hx, hy);
        AddNode(cx - hx, cy + hy, hx, hy);
        AddNode(cx + hx, cy + hy, hx, hy);
        nodes[k].FirstChild = first;
    }

    void AddNode(double cx, double cy, double hx, double hy)
    {
        if (nodeCount == nodes.Length) Array.Resize(ref nodes, 2 * nodes.Length);
        double width = Math.Max(hx, hy);
        nodes[nodeCount++] = new Node
        {
            CenterX = cx, CenterY = cy, HalfWidthX = hx, HalfWidthY = hy, WidthSquared = width * width,
            Count = 0, FirstChild = -1, Head = -1,
        };
    }
}
