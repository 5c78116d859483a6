using LocSharp.Models;

namespace LocSharp.Explain;

/// <summary>Settings of <see cref="FilterExplanation.Compute"/> and <see cref="FilterReport.Write"/>.</summary>
public sealed record FilterExplanationOptions
{
    public FilterWeightKind Kind { get; init; } = FilterWeightKind.Effective;

    /// <summary>Also draw each filter's logo on its own, in logos/NAME.svg/.png.</summary>
    public bool EachLogo { get; init; }

    /// <summary>Names the model in figure titles.</summary>
    public string ModelName { get; init; } = "the model";
}

/// <summary>
/// The first-layer convolution filters of every network of a model, as residue weights. <see cref="FilterReport"/>
/// draws them as sequence logos (Sønderby et al. 2015, Fig. 8) and writes them as MEME motifs, for comparison with
/// known motifs (e.g. with Tomtom).
/// </summary>
public static class FilterExplanation
{
    /// <summary>Every filter, named "conv9_f3" and so on; the networks of an ensemble are numbered: "net2_conv9_f3".</summary>
    /// <param name="options">Reads <see cref="FilterExplanationOptions.Kind"/>.</param>
    public static ModelFilters Compute(TrainedModel model, FilterExplanationOptions? options = null)
    {
        options ??= new FilterExplanationOptions();
        bool ensemble = model.Networks.Count > 1;
        var groups = model.Networks
            .SelectMany((network, i) => FilterWeights.Extract(network, options.Kind, ensemble ? $"net{i + 1}_" : "")
                .Select(g => new FilterGroup(i + 1, g.Width, g.Filters)))
            .ToList();
        return new ModelFilters(groups, options.Kind, ensemble);
    }
}
