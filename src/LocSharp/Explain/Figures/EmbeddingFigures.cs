using ScottPlot;

namespace LocSharp.Explain.Figures;

/// <summary>A protein placed in two dimensions (e.g. by t-SNE), with the location that colours it.</summary>
public sealed record EmbeddingPoint(double X, double Y, string Location);

/// <summary>Settings of <see cref="EmbeddingFigures.WriteScatter"/>.</summary>
public sealed record ScatterOptions
{
    public string Title { get; init; } = "t-SNE of the learned protein representations";
    public string XLabel { get; init; } = "t-SNE dimension 1";
    public string YLabel { get; init; } = "t-SNE dimension 2";

    /// <summary>Locations in colour and legend order (e.g. the model's location list, so colours match across
    /// figures); null = order of first appearance.</summary>
    public IReadOnlyList<string>? LocationOrder { get; init; }

    public float MarkerSize { get; init; } = 5;
    public int Width { get; init; } = 900;
    public int Height { get; init; } = 680;
    public float PngScale { get; init; } = 2;
}

/// <summary>Maps of the learned representations (Sønderby et al. 2015, Fig. 7).</summary>
public static class EmbeddingFigures
{
    /// <summary>
    /// Scatter plot of <paramref name="points"/> coloured by location, with a legend (location and count) to the
    /// right. Larger groups are drawn first so small ones stay visible; tick labels are hidden, as t-SNE
    /// coordinates carry no units.
    /// </summary>
    /// <param name="basePath">Output path without extension: basePath.svg and basePath.png are written.</param>
    public static FigureFiles WriteScatter(string basePath, IReadOnlyList<EmbeddingPoint> points, ScatterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        options ??= new ScatterOptions();
        if (points.Count == 0) throw new ArgumentException("There are no points to draw.", nameof(points));
        foreach (var p in points)
            if (!double.IsFinite(p.X) || !double.IsFinite(p.Y))
                throw new ArgumentException($"Point ({p.X}, {p.Y}) of location {p.Location} is not finite.", nameof(points));

        var order = options.LocationOrder ?? points.Select(p => p.Location).Distinct().ToList();
        var missing = points.Select(p => p.Location).Distinct().Except(order).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"Location(s) {string.Join(", ", missing)} are missing from the location order ({string.Join(", ", order)}).");
        var colors = FigurePalette.Categorical(order.Count);

        using var plot = PlotStyle.NewPlot();
        var groups = order.Select((location, i) => (location, color: colors[i], members: points.Where(p => p.Location == location).ToArray()))
            .Where(g => g.members.Length > 0)
            .ToList();
        foreach (var g in groups.OrderByDescending(g => g.members.Length))
        {
            var markers = plot.Add.Markers(g.members.Select(p => p.X).ToArray(), g.members.Select(p => p.Y).ToArray(),
                MarkerShape.FilledCircle, options.MarkerSize, FigurePalette.ToScottPlot(g.color, 0.8));
            markers.LegendText = "";
        }
        // Legend in location order, whatever the drawing order.
        foreach (var g in groups)
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = $"{g.location} ({g.members.Length})",
                MarkerShape = MarkerShape.FilledCircle,
                MarkerSize = 9,
                MarkerFillColor = FigurePalette.ToScottPlot(g.color),
                MarkerLineColor = FigurePalette.ToScottPlot(g.color),
            });
        plot.ShowLegend(Edge.Right);
        plot.Legend.OutlineColor = Colors.Transparent;
        plot.Legend.ShadowColor = Colors.Transparent;

        plot.HideGrid();
        plot.Axes.Bottom.TickLabelStyle.IsVisible = false;
        plot.Axes.Left.TickLabelStyle.IsVisible = false;
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.MajorTickStyle.Length = 0;
            axis.MinorTickStyle.Length = 0;
        }
        plot.Axes.Margins(0.04, 0.04);
        PlotStyle.Finish(plot, options.Title, options.XLabel, options.YLabel);
        return PlotStyle.Write(plot, basePath, options.Width, options.Height, options.PngScale);
    }
}
