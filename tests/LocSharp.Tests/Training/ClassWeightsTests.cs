using LocSharp.Training;

namespace LocSharp.Tests.Training;

public class ClassWeightsTests
{
    // Counts 6, 2, 1 (mean 3): power 1 gives 3/6, 3/2, 3/1; power 0.5 their square roots; power 0 all ones.
    static readonly int[] Labels = [0, 0, 0, 0, 0, 0, 1, 1, 2];

    [Theory]
    [InlineData(1.0, 0.5, 1.5, 3.0)]
    [InlineData(0.5, 0.70710678, 1.22474487, 1.73205081)]
    [InlineData(0.0, 1.0, 1.0, 1.0)]
    public void Weights_are_the_inverse_relative_frequency_to_the_power(double power, double w0, double w1, double w2)
    {
        float[] weights = ClassWeights.Compute(Labels, 3, power);
        Assert.Equal(w0, weights[0], 5);
        Assert.Equal(w1, weights[1], 5);
        Assert.Equal(w2, weights[2], 5);
    }

    [Fact]
    public void A_location_without_training_proteins_gets_weight_zero() =>
        Assert.Equal(0f, ClassWeights.Compute([0, 0, 1], 3, 1)[2]);
}
