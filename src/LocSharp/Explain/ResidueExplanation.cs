using LocSharp.Encoding;
using LocSharp.Models;
using LocSharp.Profiles;

namespace LocSharp.Explain;

/// <summary>Settings of <see cref="ResidueExplanation.Compute"/> and <see cref="ResidueReport.Write"/>.</summary>
public sealed record ResidueExplanationOptions
{
    /// <summary>Track figures to draw, for the first proteins in input order.</summary>
    public int MaxTracks { get; init; } = 50;

    /// <summary>Points on the integration path.</summary>
    public int Steps { get; init; } = ResidueAttribution.DefaultSteps;

    /// <summary>A protein whose completeness gap exceeds this is integrated again with twice the points, up to
    /// <see cref="MaxSteps"/>; null = never.</summary>
    public double? Tolerance { get; init; } = ResidueAttribution.DefaultTolerance;

    /// <summary>The most points the refinement doubles to.</summary>
    public int MaxSteps { get; init; } = ResidueAttribution.DefaultMaxSteps;

    /// <summary>The location to explain for every protein; null = each protein's predicted location.</summary>
    public string? Location { get; init; }

    /// <summary>Names the model in messages, figure titles and the tables.</summary>
    public string ModelName { get; init; } = "the model";

    /// <summary>The proteins' profiles, for a profile model.</summary>
    public ProfileSet? Profiles { get; init; }
}

/// <summary>
/// Per-residue evidence from the model that makes the call (<see cref="ResidueAttribution"/>: integrated gradients
/// of its probability of a location), and the share of the attribution inside annotated sorting signals.
/// <see cref="ResidueReport"/> writes it as tables and track figures.
/// </summary>
public static class ResidueExplanation
{
    /// <summary>
    /// The attributions of every protein of <paramref name="input"/>, in input order. The checks run at once; the
    /// integrated gradients of a protein run when the result's <see cref="ExplainedProteins{T}.Proteins"/> reaches
    /// it, and nothing is kept, so a proteome needs no more memory than one protein.
    /// <see cref="ProteinAttribution.Signal"/> applies the measure of <see cref="SignalAttentionMeasure"/> to
    /// |attribution| / Σ|attribution|: the share of the absolute attribution inside the signal against the share a
    /// uniform spread would put there.
    /// </summary>
    /// <param name="options">Reads all but <see cref="ResidueExplanationOptions.MaxTracks"/>.</param>
    /// <param name="progress">Told the proteins done (stage "integrated gradients").</param>
    /// <exception cref="ExplainException">No proteins, or an unknown location.</exception>
    public static ExplainedProteins<ProteinAttribution> Compute(TrainedModel model, ExplainInput input,
        ResidueExplanationOptions? options = null, IProgress<ExplainProgress>? progress = null)
    {
        options ??= new ResidueExplanationOptions();
        if (input.Count == 0) throw new ExplainException($"{input.Source} holds no proteins to explain.");
        int? location = null;
        if (options.Location is string name)
        {
            int index = model.Locations.ToList().IndexOf(name);
            if (index < 0) throw new ExplainException($"'{name}' is not a location {options.ModelName} predicts ({string.Join(", ", model.Locations)}).");
            location = index;
        }
        NetworkInput.RequireProfiles(model, options.Profiles != null, nameof(options));
        return new ExplainedProteins<ProteinAttribution>(input, model.Locations, Attribute(model, input, location, options, progress));
    }

    static IEnumerable<ProteinAttribution> Attribute(TrainedModel model, ExplainInput input, int? location,
        ResidueExplanationOptions options, IProgress<ExplainProgress>? progress)
    {
        int done = 0;
        foreach (var protein in input.Proteins)
        {
            string read = NetworkInput.Sequence(model, protein.Sequence);
            var profile = NetworkInput.Profile(model, options.Profiles, protein.Id, protein.Sequence);
            var result = ResidueAttribution.Explain(model, read, profile, location, options.Steps, options.Tolerance, options.MaxSteps);
            int predicted = Array.IndexOf(result.Probabilities, result.Probabilities.Max());
            progress?.Report(new ExplainProgress("integrated gradients", ++done, input.Count));
            yield return new ProteinAttribution(protein, read, protein.PositionsRead(model.MaxLength), result, model.Locations[result.Location],
                model.Locations[predicted], result.Probabilities[predicted], Signal(protein, result.Residues, model.MaxLength));
        }
    }

    static SignalAttention? Signal(ExplainProtein protein, double[] attributions, int maxLength)
    {
        if (protein.Signal is not { } signal) return null;
        double total = attributions.Sum(Math.Abs);
        float[] share = [.. attributions.Select(a => total > 0 ? (float)(Math.Abs(a) / total) : 0f)];
        return SignalAttentionMeasure.Measure(share, protein.Sequence.Length, maxLength, signal);
    }
}
