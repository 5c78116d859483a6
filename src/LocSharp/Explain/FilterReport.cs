using LocSharp.Explain.Figures;

namespace LocSharp.Explain;

/// <summary>What <see cref="FilterReport.Write"/> wrote.</summary>
/// <param name="Filters">Filters drawn and written as motifs.</param>
/// <param name="Grids">One logo grid per width (per network of an ensemble).</param>
public sealed record FilterReportResult(int Filters, IReadOnlyList<FigureFiles> Grids, string MemePath);

/// <summary>Draws a model's first-layer filters (<see cref="FilterExplanation.Compute"/>) as sequence logos and writes them as MEME motifs.</summary>
public static class FilterReport
{
    public const string MemeFile = "filters.meme";
    public const string LogosFolder = "logos";

    /// <summary>
    /// Writes into <paramref name="directory"/> (created if needed): filters-wWIDTH.svg/.png, a grid of the logos of
    /// every filter of that width; filters.meme with every filter; with <see cref="FilterExplanationOptions.EachLogo"/>,
    /// logos/conv9_f3.svg/.png and so on. The networks of an ensemble are numbered: filters-net2-w9, net2_conv9_f3.
    /// </summary>
    /// <param name="options">Reads <see cref="FilterExplanationOptions.EachLogo"/> and the model's name.</param>
    /// <param name="progress">Told the filters drawn (stage "filters").</param>
    public static FilterReportResult Write(ModelFilters filters, string directory, FilterExplanationOptions? options = null,
        IProgress<ExplainProgress>? progress = null)
    {
        options ??= new FilterExplanationOptions();
        Directory.CreateDirectory(directory);
        if (options.EachLogo) Directory.CreateDirectory(Path.Combine(directory, LogosFolder));
        int total = filters.Count, done = 0;
        string kind = filters.Kind == FilterWeightKind.Effective ? "effective residue weights" : "one-hot weights";

        var grids = new List<FigureFiles>();
        foreach (var (network, width, group) in filters.Groups)
        {
            string name = filters.Ensemble ? $"filters-net{network}-w{width}" : $"filters-w{width}";
            string of = filters.Ensemble ? $"network {network} of {options.ModelName}" : options.ModelName;
            grids.Add(LogoFigures.WriteLogoGrid(Path.Combine(directory, name), group,
                new LogoGridOptions { Title = $"Width-{width} filters of {of} ({kind})" }));
            foreach (var filter in group)
            {
                if (options.EachLogo) LogoFigures.WriteLogo(Path.Combine(directory, LogosFolder, filter.Name), filter);
                done++;
                progress?.Report(new ExplainProgress("filters", done, total));
            }
        }
        string meme = Path.Combine(directory, MemeFile);
        MemeMotifWriter.Write(meme, filters.Groups.SelectMany(g => g.Filters).ToList());
        return new FilterReportResult(total, grids, meme);
    }
}
