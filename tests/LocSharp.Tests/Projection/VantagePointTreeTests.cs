using LocSharp.Projection;

namespace LocSharp.Tests.Projection;

public class VantagePointTreeTests
{
    [Theory]
    [InlineData(300, 5, 10)]
    [InlineData(200, 40, 30)]
    [InlineData(12, 2, 11)]
    public void Nearest_neighbours_match_brute_force(int n, int d, int k)
    {
        double[] x = TestData.NormalRows(n, d, n + d);
        var tree = new VantagePointTree(x, n, d, new Random(1));

        for (int i = 0; i < n; i++)
        {
            var (indices, squared) = tree.Nearest(i, k);

            int[] expected = [.. Enumerable.Range(0, n).Where(j => j != i).OrderBy(j => TestData.SquaredDistance(x, i, j, d)).Take(k)];
            Assert.Equal(expected, indices);
            for (int m = 0; m < k; m++) Assert.Equal(TestData.SquaredDistance(x, i, indices[m], d), squared[m], 1e-9);
        }
    }

    [Fact]
    public void Duplicates_of_the_query_are_neighbours_but_the_query_is_not()
    {
        // Points 0–3 coincide; 4–9 lie further out on a line.
        const int n = 10, d = 2;
        var x = new double[n * d];
        for (int i = 4; i < n; i++) x[i * d] = i;
        var tree = new VantagePointTree(x, n, d, new Random(2));

        for (int i = 0; i < 4; i++)
        {
            var (indices, squared) = tree.Nearest(i, 3);

            Assert.DoesNotContain(i, indices);
            Assert.Equal([0.0, 0.0, 0.0], squared);
        }
    }
}
