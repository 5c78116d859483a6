using ScottPlot;
using SkiaSharp;

namespace LocSharp.Explain.Figures;

/// <summary>The look shared by the ScottPlot figures, and their route to <see cref="FigureWriter"/>.</summary>
internal static class PlotStyle
{
    public const float TitleSize = 16, LabelSize = 14, TickSize = 11;

    public static Plot NewPlot()
    {
        var plot = new Plot();
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        // Clearing writes a stray full-size rectangle into SVGs; the figure background covers the canvas anyway.
        plot.RenderManager.ClearCanvasBeforeEachRender = false;
        return plot;
    }

    /// <summary>Fonts, sizes and colours; call after every plottable and panel (colour bar) is added.</summary>
    public static void Finish(Plot plot, string title, string xLabel, string yLabel)
    {
        var ink = FigurePalette.ToScottPlot(FigurePalette.Ink);
        plot.Title(title, TitleSize);
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Title.Label.ForeColor = ink;
        plot.XLabel(xLabel, LabelSize);
        plot.YLabel(yLabel, LabelSize);
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.Bold = false;
            axis.Label.ForeColor = ink;
            axis.TickLabelStyle.FontSize = TickSize;
            axis.TickLabelStyle.ForeColor = ink;
            axis.FrameLineStyle.Color = ink;
            axis.MajorTickStyle.Color = ink;
            axis.MinorTickStyle.Color = ink;
        }
        FigureFonts.Apply(plot);
    }

    /// <summary>Writes <paramref name="plot"/> as basePath.svg and basePath.png.</summary>
    public static FigureFiles Write(Plot plot, string basePath, int width, int height, float pngScale)
    {
        // Rules are solid: Skia's SVG canvas has no path effects, so a dashed line comes out solid in the SVG (unlike
        // the PNG) and Skia prints "Unsupported path effect in addPaint." on standard error for every one.
        // ScottPlot renders again (up to 5 times) while a render changes axis limits. On a raster canvas each render
        // paints over the last; on an SVG canvas every one stays in the file. A first render in memory settles
        // the limits, so the two real renders draw once each.
        plot.RenderInMemory(width, height);
        return FigureWriter.Write(basePath, width, height, pngScale, (SKCanvas canvas) => plot.Render(canvas, width, height));
    }

    /// <summary>A round step (1, 2 or 5 × 10^k) giving at most about <paramref name="count"/> ticks over <paramref name="span"/>.</summary>
    public static double NiceStep(double span, int count)
    {
        double rough = span / count;
        double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (double m in (double[])[1, 2, 5])
            if (m * power >= rough) return m * power;
        return 10 * power;
    }

    /// <summary>A round whole step (1, 2 or 5 × 10^k) at least <paramref name="rough"/>.</summary>
    public static int NiceStep(double rough)
    {
        if (rough <= 1) return 1;
        double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (int m in (int[])[1, 2, 5, 10])
            if (m * power >= rough) return (int)(m * power);
        return (int)(10 * power);
    }
}
