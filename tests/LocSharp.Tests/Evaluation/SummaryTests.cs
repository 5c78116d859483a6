using LocSharp.Evaluation;

namespace LocSharp.Tests.Evaluation;

public class SummaryTests
{
    [Fact]
    public void Mean_and_sample_standard_deviation()
    {
        // Mean 40 / 8 = 5; squared deviations 9 + 1 + 1 + 1 + 0 + 0 + 4 + 16 = 32; sample variance 32 / 7.
        var (mean, sd) = Summary.MeanAndSd([2, 4, 4, 4, 5, 5, 7, 9]);

        Assert.Equal(5.0, mean, 12);
        Assert.Equal(Math.Sqrt(32.0 / 7), sd, 12);
    }

    [Fact]
    public void Large_offset_does_not_cancel()
    {
        var (mean, sd) = Summary.MeanAndSd([1e9 + 1, 1e9 + 2, 1e9 + 3]);

        Assert.Equal(1e9 + 2, mean);
        Assert.Equal(1.0, sd, 9);
    }

    [Fact]
    public void Single_value_has_undefined_deviation()
    {
        var (mean, sd) = Summary.MeanAndSd([0.8]);

        Assert.Equal(0.8, mean);
        Assert.True(double.IsNaN(sd));
    }

    [Fact]
    public void No_values_are_rejected() => Assert.Throws<ArgumentException>(() => Summary.MeanAndSd([]));
}
