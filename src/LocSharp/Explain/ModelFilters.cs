using LocSharp.Explain.Figures;

namespace LocSharp.Explain;

/// <summary>The first-layer filters of one width of one network.</summary>
/// <param name="Network">1-based number of the network in the model.</param>
public sealed record FilterGroup(int Network, int Width, IReadOnlyList<NamedFilter> Filters);

/// <summary>Every first-layer filter of a model (<see cref="FilterExplanation.Compute"/>).</summary>
/// <param name="Groups">Per network, per width, in the networks' order.</param>
/// <param name="Kind">Which residue weights the filters hold.</param>
/// <param name="Ensemble">Whether the model has several networks (their filters are numbered: net2_conv9_f3).</param>
public sealed record ModelFilters(IReadOnlyList<FilterGroup> Groups, FilterWeightKind Kind, bool Ensemble)
{
    public int Count => Groups.Sum(g => g.Filters.Count);
}
