using LocSharp.Evaluation;

namespace LocSharp.Tests.Evaluation;

public class ConfusionMatrixTests
{
    static readonly string[] Abc = ["A", "B", "C"];

    [Fact]
    public void Pairs_are_counted_with_true_locations_as_rows()
    {
        var m = new ConfusionMatrix(Abc, [(0, 0), (0, 1), (0, 1), (2, 1), (1, 1)]);

        Assert.Equal(1, m[0, 0]);
        Assert.Equal(2, m[0, 1]);
        Assert.Equal(1, m[2, 1]);
        Assert.Equal(0, m[1, 2]);
        Assert.Equal(5, m.Total);
        Assert.Equal(2, m.Correct);
        Assert.Equal(3, m.TrueCount(0));
        Assert.Equal(4, m.PredictedCount(1));
        Assert.Equal(0, m.PredictedCount(2));
    }

    [Theory]
    [InlineData(3, 0)]
    [InlineData(0, -1)]
    public void Index_outside_the_locations_is_rejected(int trueIndex, int predictedIndex)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ConfusionMatrix(Abc, [(0, 0), (trueIndex, predictedIndex)]));
        Assert.Contains("Pair 1", e.Message);
        Assert.Contains("0 to 2", e.Message);
    }

    [Fact]
    public void Duplicate_location_names_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new ConfusionMatrix(["A", "B", "A"], []));
        Assert.Contains("'A' appears twice", e.Message);
    }

    [Fact]
    public void Fewer_than_two_locations_are_rejected() =>
        Assert.Throws<ArgumentException>(() => new ConfusionMatrix(["A"], []));

    [Fact]
    public void Counts_of_the_wrong_shape_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => ConfusionMatrix.FromCounts(Abc, new long[3, 2]));
        Assert.Contains("3×3", e.Message);
    }

    [Fact]
    public void Negative_counts_are_rejected() =>
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.FromCounts(["A", "B"], new long[,] { { 1, -1 }, { 0, 0 } }));

    [Fact]
    public void FromCounts_copies_its_input()
    {
        var counts = new long[,] { { 1, 2 }, { 3, 4 } };
        var m = ConfusionMatrix.FromCounts(["A", "B"], counts);
        counts[0, 0] = 100;

        Assert.Equal(1, m[0, 0]);
        Assert.Equal(10, m.Total);
    }
}
