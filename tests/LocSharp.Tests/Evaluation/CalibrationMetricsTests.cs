using LocSharp.Evaluation;

namespace LocSharp.Tests.Evaluation;

public class CalibrationMetricsTests
{
    // Four proteins, three locations, two bins: (0, 0.5] and (0.5, 1].
    static readonly double[][] Probabilities =
    [
        [0.9, 0.05, 0.05], // top 0.9, right
        [0.2, 0.7, 0.1],   // top 0.7, wrong (truth 0)
        [0.4, 0.3, 0.3],   // top 0.4, right
        [0.5, 0.5, 0.0],   // top 0.5 (the first of the tie, location 0), wrong (truth 1); 0.5 is in the lower bin
    ];
    static readonly int[] Truth = [0, 0, 0, 1];

    [Fact]
    public void Ece_brier_and_nll_match_hand_computations()
    {
        var metrics = CalibrationMetrics.From(Probabilities, Truth, bins: 2);

        // Lower bin: 0.4 right, 0.5 wrong → accuracy 0.5, confidence 0.45. Upper: 0.9 right, 0.7 wrong → 0.5, 0.8.
        // ECE = 2/4·|0.5 − 0.45| + 2/4·|0.5 − 0.8| = 0.025 + 0.15.
        Assert.Equal(0.175, metrics.Ece, 12);
        // Brier: (0.01+0.0025+0.0025) + (0.64+0.49+0.01) + (0.36+0.09+0.09) + (0.25+0.25+0) = 2.195, over 4.
        Assert.Equal(2.195 / 4, metrics.Brier, 12);
        Assert.Equal(-(Math.Log(0.9) + Math.Log(0.2) + Math.Log(0.4) + Math.Log(0.5)) / 4, metrics.Nll, 12);
        Assert.Equal(4, metrics.Proteins);
        Assert.Equal([2L, 2L], metrics.Bins.Select(b => b.Count));
        Assert.Equal(0.45, metrics.Bins[0].MeanConfidence, 12);
        Assert.Equal(0.8, metrics.Bins[1].MeanConfidence, 12);
        Assert.Equal([0.5, 0.5], metrics.Bins.Select(b => b.Accuracy));
    }

    [Fact]
    public void Fifteen_bins_by_default_empty_ones_undefined_and_left_out_of_the_ece()
    {
        var metrics = CalibrationMetrics.From([[1.0, 0.0], [0.0, 1.0]], [0, 1]);

        Assert.Equal(15, metrics.Bins.Count);
        Assert.Equal(0, metrics.Ece, 12);
        Assert.Equal(0, metrics.Brier, 12);
        Assert.Equal(2, metrics.Bins[14].Count);
        Assert.True(double.IsNaN(metrics.Bins[0].Accuracy));
        Assert.Equal(14.0 / 15, metrics.Bins[14].Lower, 12);
    }

    [Fact]
    public void A_zero_probability_for_the_truth_is_floored_not_infinite()
    {
        var metrics = CalibrationMetrics.From([[1.0, 0.0]], [1]);

        Assert.Equal(-Math.Log(CalibrationMetrics.ProbabilityFloor), metrics.Nll, 9);
        Assert.Equal(2, metrics.Brier, 12);
        Assert.Equal(1, metrics.Ece, 12);
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CalibrationMetrics.From([], []));
        Assert.Throws<ArgumentException>(() => CalibrationMetrics.From([[0.5, 0.5]], [2]));
        Assert.Throws<ArgumentException>(() => CalibrationMetrics.From([[0.5, 0.5]], [0, 1]));
    }
}
