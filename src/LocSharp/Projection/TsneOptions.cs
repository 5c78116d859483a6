namespace LocSharp.Projection;

/// <summary>Settings of <see cref="Tsne"/>; the defaults follow van der Maaten's reference implementation.</summary>
/// <param name="Perplexity">Effective number of neighbours each point's Gaussian covers. Barnes-Hut needs
/// 3·perplexity ≤ n − 1, exact needs perplexity &lt; n − 1.</param>
/// <param name="Iterations">Gradient-descent steps.</param>
/// <param name="Seed">Seeds the initial map and the vantage-point tree; the same seed gives the same map.</param>
/// <param name="Theta">Barnes-Hut accuracy: a quadtree cell is summarised when its half-width is below θ times its
/// distance. 0 selects exact t-SNE, O(n²) time and memory, for up to a few thousand points.</param>
/// <param name="LearningRate">Step size; null picks max(n / EarlyExaggeration / 4, 50) (Belkina et al. 2019, with the
/// /4 because our gradient keeps the factor 4 of the KL gradient that the reference code drops). For 6000 points:
/// 125.</param>
/// <param name="PcaDimensions">Reduce the input to this many principal components first (as the reference wrapper
/// does, to 50); null or at least the input width keeps the centred input as it is.</param>
/// <param name="EarlyExaggeration">Factor on P during the first <paramref name="ExaggerationIterations"/>.</param>
/// <param name="ExaggerationIterations">Length of the exaggeration phase, which also runs with momentum 0.5 (0.8
/// afterwards).</param>
public sealed record TsneOptions(
    double Perplexity = 30,
    int Iterations = 1000,
    int Seed = 42,
    double Theta = 0.5,
    double? LearningRate = null,
    int? PcaDimensions = 50,
    double EarlyExaggeration = 12,
    int ExaggerationIterations = 250)
{
    public bool IsExact => Theta == 0;

    /// <summary>
    /// These options with the perplexity lowered, if need be, to the largest <paramref name="points"/> points allow:
    /// (n − 1) / 3 for Barnes-Hut; below 4 points, where that is under 1, exact t-SNE with perplexity n − 2.
    /// </summary>
    public TsneOptions FitTo(int points)
    {
        if (IsExact ? Perplexity < points - 1 : 3 * Perplexity <= points - 1) return this;
        double barnesHut = (points - 1) / 3.0;
        if (!IsExact && barnesHut >= 1) return this with { Perplexity = barnesHut };
        return this with { Theta = 0, Perplexity = Math.Min(Perplexity, Math.Max(1, points - 2)) };
    }

    /// <summary>The learning rate used for <paramref name="points"/> points.</summary>
    public double ResolveLearningRate(int points) => LearningRate ?? Math.Max(points / EarlyExaggeration / 4, 50);

    /// <summary>Checks the options against a data set of <paramref name="points"/> points.</summary>
    /// <exception cref="ArgumentException">An option is out of range or does not suit the data size.</exception>
    public void Validate(int points)
    {
        if (!double.IsFinite(Perplexity) || Perplexity < 1)
            throw new InvalidSettingException($"Perplexity must be at least 1 (an entropy cannot be negative); found {Perplexity}.");
        if (Iterations < 1) throw new InvalidSettingException($"Iterations must be positive; found {Iterations}.");
        if (!double.IsFinite(Theta) || Theta is < 0 or > 1)
            throw new InvalidSettingException($"Theta must be in [0, 1] (0 = exact t-SNE); found {Theta}.");
        if (LearningRate is { } rate && (!double.IsFinite(rate) || rate <= 0))
            throw new InvalidSettingException($"The learning rate must be positive; found {rate}.");
        if (PcaDimensions is < 2)
            throw new InvalidSettingException($"PCA must keep at least 2 dimensions; found {PcaDimensions}. Use null to skip PCA.");
        if (!double.IsFinite(EarlyExaggeration) || EarlyExaggeration < 1)
            throw new InvalidSettingException($"Early exaggeration must be at least 1; found {EarlyExaggeration}.");
        if (ExaggerationIterations < 0)
            throw new InvalidSettingException($"Exaggeration iterations must not be negative; found {ExaggerationIterations}.");
        if (IsExact && Perplexity >= points - 1)
            throw new InvalidSettingException(
                $"Perplexity {Perplexity} is too large for {points} points: exact t-SNE needs it below n − 1 = {points - 1}.");
        if (!IsExact && 3 * Perplexity > points - 1)
            throw new InvalidSettingException(
                $"Perplexity {Perplexity} is too large for {points} points: Barnes-Hut t-SNE looks at 3·perplexity = " +
                $"{3 * Perplexity} neighbours of each point, but there are only {points - 1} others. Use a perplexity of " +
                $"at most {(points - 1) / 3.0:0.##} or exact t-SNE (Theta = 0).");
    }
}
