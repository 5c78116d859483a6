using LocSharp.Explain;
using LocSharp.Models;
using TorchSharp;
using Xunit.Abstractions;
using static LocSharp.Tests.Models.TinyNetworks;
using static TorchSharp.torch;

namespace LocSharp.Tests.Explain;

[Collection(TorchCollection.Name)]
public class IntegratedGradientsTests(ITestOutputHelper output)
{
    [Fact]
    public void For_a_sum_of_squares_from_zero_the_attributions_are_the_squares()
    {
        // ∂/∂xᵢ Σ (αx)² = 2αxᵢ; xᵢ ∫ 2αxᵢ dα = xᵢ². The integrand is linear in α, so the midpoint rule is exact.
        using var x = tensor(new double[] { 1, -2, 0.5, 3 }).view(2, 2);

        var result = IntegratedGradients.Attribute(p => p.pow(2).sum([1L, 2L]), x, zeros_like(x), steps: 3, pointsPerCall: 2);

        AssertClose([1, 4, 0.25, 9], result.Attributions, 1e-12, "attributions");
        Assert.Equal(14.25, result.AtInput, 12);
        Assert.Equal(0, result.AtBaseline, 12);
        Assert.Equal(0, result.CompletenessGap, 12);
    }

    [Theory]
    [InlineData(Architecture.RLstm)]
    [InlineData(Architecture.ALstm)]
    public void The_gradient_of_a_location_probability_matches_central_finite_differences(Architecture architecture)
    {
        var network = Create(architecture, seed: 33);
        network.to(ScalarType.Float64);
        using var model = new TrainedModel([network], Locations, 100) { Calibration = new ModelCalibration(1.7, "test", 1, 1, 1) };
        var random = new Random(33);
        using var batch = Batch(Protein(random, 7));
        using var x = batch.Features.to(ScalarType.Float64);                                  // [1, L, F]
        double F(Tensor points) { using var noGrad = no_grad(); return ResidueAttribution.Probability(model, points, 2).item<double>(); }

        double[] gradient = Values(IntegratedGradients.Gradient(points => ResidueAttribution.Probability(model, points, 2), x));

        const double h = 1e-6;
        int features = (int)x.shape[2];
        foreach (var (t, k) in new[] { (0, 0), (0, 25), (3, 41), (6, 59), (2, 7), (5, 33) })
        {
            using var plus = x.clone();
            using var minus = x.clone();
            plus[0, t, k] += h;
            minus[0, t, k] -= h;
            double numeric = (F(plus) - F(minus)) / (2 * h);
            double analytic = gradient[t * features + k];
            Assert.True(Math.Abs(numeric - analytic) <= 1e-7 + 1e-5 * Math.Abs(numeric), $"residue {t}, feature {k}: finite difference {numeric:E6}, gradient {analytic:E6}");
        }
    }

    [Theory]
    [InlineData(Architecture.RLstm, 1)]
    [InlineData(Architecture.ALstm, 1)]
    [InlineData(Architecture.RLstm, 2)]
    public void Residue_attributions_sum_to_the_change_in_probability_from_the_baseline(Architecture architecture, int networks)
    {
        using var model = new TrainedModel([.. Enumerable.Range(0, networks).Select(i => Create(architecture, seed: 40 + i, scale: 1.5))], Locations, 100);
        var random = new Random(4);
        string sequence = Protein(random, 30);

        var result = ResidueAttribution.Explain(model, sequence, steps: 64);

        double change = result.Path.AtInput - result.Path.AtBaseline;
        output.WriteLine($"f(x) = {result.Path.AtInput:F6}, f(0) = {result.Path.AtBaseline:F6}, sum = {result.Residues.Sum():F6}, gap = {result.Path.CompletenessGap:E2}");
        Assert.Equal(30, result.Residues.Length);
        Assert.True(Math.Abs(change) > 0.02, "the tiny model's output does not depend on its input");
        Assert.True(Math.Abs(result.Path.CompletenessGap) <= 0.01 * Math.Abs(change),
            $"attributions sum to {result.Residues.Sum():F6}, f(x) − f(0) = {change:F6}");
        Assert.Equal(result.Probabilities.Max(), result.Probabilities[result.Location]);
        Assert.Equal(result.Probabilities[result.Location], result.Path.AtInput, 5);
    }

    [Fact]
    public void A_chosen_location_is_explained_instead_of_the_predicted_one()
    {
        using var model = new TrainedModel([Create(Architecture.RLstm, seed: 40)], Locations, 100);
        string sequence = Protein(new Random(4), 12);
        var predicted = ResidueAttribution.Explain(model, sequence, steps: 8);
        int other = (predicted.Location + 1) % Locations.Length;

        var chosen = ResidueAttribution.Explain(model, sequence, location: other, steps: 8);

        Assert.Equal(other, chosen.Location);
        Assert.Equal(chosen.Probabilities[other], chosen.Path.AtInput, 5);
        Assert.Throws<ArgumentOutOfRangeException>(() => ResidueAttribution.Explain(model, sequence, location: 3));
    }

    [Fact]
    public void A_protein_whose_attributions_miss_the_tolerance_is_integrated_again_with_doubled_steps()
    {
        using var model = new TrainedModel([Create(Architecture.RLstm, seed: 40, scale: 1.5)], Locations, 100);
        string sequence = Protein(new Random(4), 30);
        var coarse = ResidueAttribution.Explain(model, sequence, steps: 1);
        Assert.True(Math.Abs(coarse.Path.CompletenessGap) > 1e-4, $"one step already closes the gap ({coarse.Path.CompletenessGap:E2})");

        var refined = ResidueAttribution.Explain(model, sequence, steps: 1, tolerance: 1e-4, maxSteps: 64);

        Assert.Equal(1, coarse.Steps);
        Assert.True(refined.Steps > 1 && (Math.Abs(refined.Path.CompletenessGap) <= 1e-4 || refined.Steps == 64), $"stopped at {refined.Steps} steps");
        Assert.Equal(0, refined.Steps & (refined.Steps - 1)); // a power of two: 1 doubled
        if (refined.Steps > 2)
            Assert.True(Math.Abs(ResidueAttribution.Explain(model, sequence, steps: refined.Steps / 2).Path.CompletenessGap) > 1e-4,
                "the refinement went past the first number of steps within the tolerance");
        var direct = ResidueAttribution.Explain(model, sequence, steps: refined.Steps);
        Assert.Equal(direct.Residues, refined.Residues);
    }
}
