using LocSharp.Projection;

namespace LocSharp.Tests.Projection;

public class QuadTreeTests
{
    [Fact]
    public void Repulsion_with_theta_zero_is_the_sum_over_all_other_points()
    {
        const int n = 50;
        double[] y = TestData.NormalRows(n, 2, 12);
        // Three points at one position, and one a hair away from them.
        (y[10], y[11]) = (y[0], y[1]);
        (y[20], y[21]) = (y[0], y[1]);
        (y[30], y[31]) = (y[0] + 1e-13, y[1]);
        var tree = new QuadTree(y, n);

        for (int i = 0; i < n; i++)
        {
            double fx = 0, fy = 0, sumW = 0;
            for (int j = 0; j < n; j++)
            {
                if (j == i) continue;
                double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
                double w = 1 / (1 + dx * dx + dy * dy);
                sumW += w;
                fx += w * w * dx;
                fy += w * w * dy;
            }

            var (treeFx, treeFy, treeSumW) = tree.Repulsion(i, 0);

            Assert.Equal(fx, treeFx, 1e-12);
            Assert.Equal(fy, treeFy, 1e-12);
            Assert.Equal(sumW, treeSumW, 1e-12);
        }
    }

    [Fact]
    public void Distant_cluster_is_summarised_by_its_centre_of_mass()
    {
        // Point 0 at the origin, points 1–4 in a tight square around (100, 100): with θ = 0.5 the square's cell is
        // far enough to count as 4 points at its centre of mass.
        double[] y = [0, 0, 99.9, 99.9, 100.1, 99.9, 99.9, 100.1, 100.1, 100.1];
        var tree = new QuadTree(y, 5);

        var (fx, fy, sumW) = tree.Repulsion(0, 0.5);

        double w = 1 / (1 + 2 * 100.0 * 100.0);
        Assert.Equal(4 * w, sumW, 15);
        Assert.Equal(4 * w * w * -100, fx, 15);
        Assert.Equal(4 * w * w * -100, fy, 15);
    }
}
