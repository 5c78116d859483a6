using System.Globalization;
using LocSharp.Evaluation;
using ScottPlot;

namespace LocSharp.Explain.Figures;

/// <summary>
/// A reliability diagram (Guo et al. 2017, Fig. 1): per bin of the top probability, the fraction of proteins
/// predicted right (bars) against the bin's mean confidence (dots), with the diagonal a calibrated model would
/// follow and the number of proteins above each bar.
/// </summary>
public static class ReliabilityDiagram
{
    public const string FileName = "reliability";

    /// <param name="basePath">Output path without extension: basePath.svg and basePath.png are written.</param>
    /// <param name="what">The model and data, for the title.</param>
    public static FigureFiles Write(string basePath, CalibrationMetrics metrics, string what, int width = 800, int height = 640, float pngScale = 2)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        if (metrics.Bins.Count == 0) throw new ArgumentException("The diagram needs at least one bin.", nameof(metrics));
        var c = CultureInfo.InvariantCulture;
        using var plot = PlotStyle.NewPlot();

        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LineColor = FigurePalette.ToScottPlot(FigurePalette.Rule);
        diagonal.LineWidth = 1.5f;
        diagonal.LegendText = "perfect calibration";

        var filled = metrics.Bins.Where(b => b.Count > 0).ToList();
        var bars = filled.Select(b => new Bar
        {
            Position = (b.Lower + b.Upper) / 2,
            Value = b.Accuracy,
            Size = (b.Upper - b.Lower) * 0.92,
            FillColor = FigurePalette.ToScottPlot(FigurePalette.Primary, 0.75),
            LineWidth = 0,
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.LegendText = "accuracy";

        var dots = plot.Add.Markers(filled.Select(b => (b.Lower + b.Upper) / 2).ToArray(), filled.Select(b => b.MeanConfidence).ToArray(),
            MarkerShape.FilledCircle, 7, FigurePalette.ToScottPlot(FigurePalette.OkabeIto[5]));
        dots.LegendText = "mean confidence";

        foreach (var b in filled)
        {
            var label = plot.Add.Text(b.Count.ToString(c), (b.Lower + b.Upper) / 2, Math.Max(b.Accuracy, b.MeanConfidence) + 0.015);
            label.LabelFontSize = PlotStyle.TickSize - 1;
            label.LabelFontColor = FigurePalette.ToScottPlot(FigurePalette.Ink);
            label.LabelAlignment = Alignment.LowerCenter;
        }

        plot.Axes.SetLimits(0, 1, 0, 1.08);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Legend.OutlineColor = FigurePalette.ToScottPlot(FigurePalette.Rule);
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Grid.MajorLineColor = FigurePalette.ToScottPlot(FigurePalette.Rule, 0.4);
        string title = $"{what}\nECE {metrics.Ece.ToString("0.000", c)} over {metrics.Proteins.ToString(c)} proteins";
        PlotStyle.Finish(plot, title, $"Confidence (top probability), {metrics.Bins.Count} bins; numbers: proteins per bin", "Fraction predicted right");
        return PlotStyle.Write(plot, basePath, width, height, pngScale);
    }
}
