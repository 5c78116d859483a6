using static TorchSharp.torch;

namespace LocSharp.Explain;

/// <summary>What <see cref="IntegratedGradients.Attribute"/> found for one input.</summary>
/// <param name="Attributions">One per input element, in the input's shape, as doubles row-major.</param>
/// <param name="AtInput">f(input).</param>
/// <param name="AtBaseline">f(baseline).</param>
public sealed record Attribution(double[] Attributions, double AtInput, double AtBaseline)
{
    /// <summary>Σ attributions − (f(input) − f(baseline)): zero for exact integration (completeness).</summary>
    public double CompletenessGap => Attributions.Sum() - (AtInput - AtBaseline);
}

/// <summary>
/// Integrated gradients (Sundararajan, Taly &amp; Yan 2017, "Axiomatic Attribution for Deep Networks"): the
/// attribution of input element i is (xᵢ − x'ᵢ) ∫₀¹ ∂f/∂xᵢ(x' + α(x − x')) dα along the straight line from the
/// baseline x' to the input x, here by the midpoint rule over <c>steps</c> points αₖ = (k + ½)/steps. The attributions
/// sum to f(x) − f(x') up to the integration error (completeness).
/// </summary>
public static class IntegratedGradients
{
    /// <param name="f">Maps a batch of points [S, ...input shape] to their outputs [S]; must be differentiable.</param>
    /// <param name="input">The input, any shape.</param>
    /// <param name="baseline">The reference point, same shape and type.</param>
    /// <param name="steps">Points on the path.</param>
    /// <param name="pointsPerCall">Points evaluated together (bounds memory).</param>
    public static Attribution Attribute(Func<Tensor, Tensor> f, Tensor input, Tensor baseline, int steps = 64, int pointsPerCall = 16)
    {
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), $"Integrated gradients need at least one step, not {steps}.");
        if (pointsPerCall < 1) throw new ArgumentOutOfRangeException(nameof(pointsPerCall), $"At least one point per call, not {pointsPerCall}.");
        if (!input.shape.SequenceEqual(baseline.shape))
            throw new ArgumentException($"The baseline's shape [{string.Join(", ", baseline.shape)}] is not the input's [{string.Join(", ", input.shape)}].", nameof(baseline));
        using var scope = NewDisposeScope();
        var difference = (input - baseline).detach();                                    // [...]
        var sum = zeros_like(input);
        for (int start = 0; start < steps; start += pointsPerCall)
        {
            int count = Math.Min(pointsPerCall, steps - start);
            var alphas = (arange(start, start + count, dtype: input.dtype) + 0.5).div(steps);   // [S]
            var shape = new long[] { count }.Concat(Enumerable.Repeat(1L, (int)input.dim())).ToArray();
            var points = baseline.unsqueeze(0) + alphas.view(shape) * difference.unsqueeze(0);   // [S, ...]
            sum.add_(Gradient(f, points).sum([0L])); // [0L], not 0: a literal 0 binds to sum(ScalarType)
        }
        var attributions = (difference * sum / steps).to(ScalarType.Float64).contiguous().data<double>().ToArray();
        double atInput, atBaseline;
        using (no_grad())
        {
            atInput = f(input.unsqueeze(0)).to(ScalarType.Float64).item<double>();
            atBaseline = f(baseline.unsqueeze(0)).to(ScalarType.Float64).item<double>();
        }
        return new Attribution(attributions, atInput, atBaseline);
    }

    /// <summary>∂f/∂x at each of a batch of points [S, ...]: [S, ...]. The points' outputs are independent, so the
    /// gradient of their sum is each point's own gradient.</summary>
    public static Tensor Gradient(Func<Tensor, Tensor> f, Tensor points)
    {
        using var scope = NewDisposeScope();
        using var enable = enable_grad();
        var x = points.detach().requires_grad_(true);
        var output = f(x).sum();
        var gradient = autograd.grad([output], [x])[0];
        return gradient.detach().MoveToOuterDisposeScope();
    }
}
