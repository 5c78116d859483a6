using LocSharp.Explain.Figures;
using LocSharp.Models;

namespace LocSharp.Explain;

/// <summary>Settings of <see cref="FilterExplanation.Write"/>.</summary>
public sealed record FilterExplanationOptions
{
    public FilterWeightKind Kind { get; init; } = FilterWeightKind.Effective;

    /// <summary>Also draw each filter's logo on its own, in logos/NAME.svg/.png.</summary>
    public bool EachLogo { get; init; }

    /// <summary>Names the model in figure titles.</summary>
    public string ModelName { get; init; } = "the model";
}

/// <summary>What <see cref="FilterExplanation.Write"/> wrote.</summary>
/// <param name="Filters">Filters drawn and written as motifs.</param>
/// <param name="Grids">One logo grid per width (per network of an ensemble).</param>
public sealed record FilterExplanationResult(int Filters, IReadOnlyList<FigureFiles> Grids, string MemePath);

/// <summary>
/// The first-layer convolution filters as sequence logos (Sønderby et al. 2015, Fig. 8) and MEME motifs, for
/// comparison with known motifs (e.g. with Tomtom).
/// </summary>
public static class FilterExplanation
{
    public const string MemeFile = "filters.meme";
    public const string LogosFolder = "logos";

    /// <summary>
    /// Writes into <paramref name="directory"/> (created if needed): filters-wWIDTH.svg/.png, a grid of the logos of
    /// every filter of that width; filters.meme with every filter; with <see cref="FilterExplanationOptions.EachLogo"/>,
    /// logos/conv9_f3.svg/.png and so on. The networks of an ensemble are numbered: filters-net2-w9, net2_conv9_f3.
    /// </summary>
    public static FilterExplanationResult Write(TrainedModel model, string directory, FilterExplanationOptions? options = null,
        IProgress<ExplainProgress>? progress = null)
    {
        options ??= new FilterExplanationOptions();
        Directory.CreateDirectory(directory);
        if (options.EachLogo) Directory.CreateDirectory(Path.Combine(directory, LogosFolder));
        bool ensemble = model.Networks.Count > 1;
        var groups = model.Networks
            .SelectMany((network, i) => FilterWeights.Extract(network, options.Kind, ensemble ? $"net{i + 1}_" : "")
                .Select(g => (Network: i + 1, g.Width, g.Filters)))
            .ToList();
        int total = groups.Sum(g => g.Filters.Count), done = 0;
        string kind = options.Kind == FilterWeightKind.Effective ? "effective residue weights" : "one-hot weights";

        var grids = new List<FigureFiles>();
        foreach (var (network, width, filters) in groups)
        {
            string name = ensemble ? $"filters-net{network}-w{width}" : $"filters-w{width}";
            string of = ensemble ? $"network {network} of {options.ModelName}" : options.ModelName;
            grids.Add(LogoFigures.WriteLogoGrid(Path.Combine(directory, name), filters,
                new LogoGridOptions { Title = $"Width-{width} filters of {of} ({kind})" }));
            foreach (var filter in filters)
            {
                if (options.EachLogo) LogoFigures.WriteLogo(Path.Combine(directory, LogosFolder, filter.Name), filter);
                done++;
                progress?.Report(new ExplainProgress("filters", done, total));
            }
        }
        string meme = Path.Combine(directory, MemeFile);
        MemeMotifWriter.Write(meme, groups.SelectMany(g => g.Filters).ToList());
        return new FilterExplanationResult(total, grids, meme);
    }
}
