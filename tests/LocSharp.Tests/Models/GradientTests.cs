using LocSharp.Models;
using TorchSharp;
using Xunit.Abstractions;
using static LocSharp.Tests.Models.TinyNetworks;
using static TorchSharp.torch;

namespace LocSharp.Tests.Models;

/// <summary>
/// Back-propagation through both networks, padding and reversal included, against central finite differences of
/// the cross-entropy loss in float64, with dropout off.
/// </summary>
[Collection(TorchCollection.Name)]
public class GradientTests(ITestOutputHelper output)
{
    const double Epsilon = 1e-6, RelativeTolerance = 1e-5, AbsoluteTolerance = 1e-9;

    [Theory]
    [InlineData(Architecture.RLstm)]
    [InlineData(Architecture.ALstm)]
    public void Gradients_match_central_finite_differences_for_a_sample_of_every_parameter(Architecture architecture)
    {
        using var network = Create(architecture, seed: 21);
        // Biases in front of a ReLU positive, so no unit is dead for every position and every parameter gets a gradient.
        using (no_grad())
            foreach (var (name, parameter) in network.named_parameters())
                if (name.StartsWith("conv.") && name.EndsWith(".bias") || name == "head.dense.bias") nn.init.uniform_(parameter, 0.2, 0.5);
        network.to(ScalarType.Float64);
        network.eval();
        var random = new Random(21);
        using var batch = Batch(Protein(random, 6), Protein(random, 4), Protein(random, 2));
        using var features = batch.Features.to(ScalarType.Float64);
        using var labels = tensor(new long[] { 0, 2, 1 });

        double Loss()
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            using var result = network.call(features, batch.Lengths);
            return nn.functional.cross_entropy(result.Logits, labels).item<double>();
        }

        network.zero_grad();
        using (var scope = NewDisposeScope())
        {
            using var result = network.call(features, batch.Lengths);
            Assert.Equal(ScalarType.Float64, result.Logits.dtype);
            nn.functional.cross_entropy(result.Logits, labels).backward();
        }

        int checkedCount = 0;
        foreach (var (name, parameter) in network.named_parameters())
        {
            Assert.Equal(ScalarType.Float64, parameter.dtype);
            double[] gradient = Values(parameter.grad!);
            int largest = Enumerable.Range(0, gradient.Length).MaxBy(i => Math.Abs(gradient[i]));
            Assert.True(Math.Abs(gradient[largest]) > 1e-6, $"{name}: no gradient reaches it (largest {gradient[largest]:E2}).");
            var sample = new[] { largest }.Concat(Enumerable.Range(0, 3).Select(_ => random.Next(gradient.Length))).Distinct();
            foreach (int i in sample)
            {
                using var flat = parameter.detach().view(-1);
                double original = flat[i].item<double>();
                using (no_grad()) flat[i].fill_(original + Epsilon);
                double plus = Loss();
                using (no_grad()) flat[i].fill_(original - Epsilon);
                double minus = Loss();
                using (no_grad()) flat[i].fill_(original);

                double numeric = (plus - minus) / (2 * Epsilon), analytic = gradient[i];
                double tolerance = RelativeTolerance * Math.Max(Math.Abs(numeric), Math.Abs(analytic)) + AbsoluteTolerance;
                Assert.True(Math.Abs(numeric - analytic) <= tolerance,
                    $"{name}[{i}]: back-propagation gives {analytic:E6}, finite differences {numeric:E6}.");
                checkedCount++;
            }
        }
        output.WriteLine($"{checkedCount} gradient entries checked.");
        Assert.Equal(Loss(), Loss()); // the perturbations were undone exactly
    }
}
