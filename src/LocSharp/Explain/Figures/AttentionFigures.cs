using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace LocSharp.Explain.Figures;

/// <summary>One protein's attention over the residues the model read.</summary>
/// <param name="Id">Accession.</param>
/// <param name="Location">True location (the heatmap groups rows by it).</param>
/// <param name="Weights">One weight per real residue, N-terminus first (no padding).</param>
public sealed record AttentionRow(string Id, string Location, float[] Weights);

/// <summary>Settings of <see cref="AttentionFigures.WriteHeatmap"/>.</summary>
public sealed record HeatmapOptions
{
    public string Title { get; init; } = "Attention along the sequence";

    /// <summary>Group order, top to bottom (e.g. the model's location list); null = order of first appearance.</summary>
    public IReadOnlyList<string>? LocationOrder { get; init; }

    /// <summary>Columns the proteins are aligned in (<see cref="MiddlePadding"/>); null = the longest protein.
    /// The models read at most 1000 residues, so by default nothing is cut; proteins longer than an explicit
    /// value lose their middle, as <see cref="Encoding.Truncation"/> cuts them.</summary>
    public int? Columns { get; init; }

    /// <summary>Weight shown in the top colour; larger weights get that colour too. null = the 99th percentile of
    /// all weights, so that a few peaks do not push everything else into the bottom colour.</summary>
    public double? ColorMax { get; init; }

    /// <summary>Figure size in SVG units (pixels at PNG scale 1); null height = from the number of proteins.</summary>
    public int Width { get; init; } = 1000;
    public int? Height { get; init; }
    public float PngScale { get; init; } = 2;
}

/// <summary>A protein's attention, prediction and known sorting signals, for <see cref="AttentionFigures.WriteTrack"/>.</summary>
/// <param name="Id">Accession.</param>
/// <param name="Sequence">The residues the model read (after <see cref="Encoding.Truncation"/>), one per weight.</param>
/// <param name="Weights">Attention per residue.</param>
/// <param name="PredictedLocation">The model's location.</param>
/// <param name="Confidence">Its probability, in [0, 1].</param>
public sealed record AttentionTrack(string Id, string Sequence, float[] Weights, string PredictedLocation, double Confidence)
{
    /// <summary>Annotated sorting signals to shade (e.g. from MultiLoc headers: "SP 14" → 1–14).</summary>
    public IReadOnlyList<SequenceSpan> Signals { get; init; } = [];

    /// <summary>Known location, shown in the title when given.</summary>
    public string? TrueLocation { get; init; }

    /// <summary>The model's file name, shown in the title when given.</summary>
    public string? ModelName { get; init; }

    /// <summary>The location the values explain (e.g. integrated gradients toward it), shown in the title when given.</summary>
    public string? ExplainedLocation { get; init; }

    /// <summary>What the values are: the y-axis label.</summary>
    public string ValueLabel { get; init; } = "Attention weight";

    /// <summary>
    /// Length of the whole protein when <see cref="Sequence"/> is its truncation (<see cref="Encoding.Truncation"/>:
    /// the first ⌈n/2⌉ and last ⌊n/2⌋ residues of n read); null when the model read it all. When set, axis positions
    /// and <see cref="Signals"/> are in the whole protein's numbering, and a dashed line marks the cut.
    /// </summary>
    public int? OriginalLength { get; init; }
}

/// <summary>A stretch of sequence, 1-based and inclusive at both ends.</summary>
/// <param name="Start">First residue (1 = N-terminal residue).</param>
/// <param name="End">Last residue.</param>
/// <param name="Label">Legend text, e.g. "signal peptide".</param>
public sealed record SequenceSpan(int Start, int End, string Label);

/// <summary>Settings of <see cref="AttentionFigures.WriteTrack"/>.</summary>
public sealed record TrackOptions
{
    public int Width { get; init; } = 1000;
    public int Height { get; init; } = 320;
    public float PngScale { get; init; } = 2;

    /// <summary>Residue letters label the x axis when each residue gets at least this many units; otherwise
    /// positions do.</summary>
    public float MinUnitsPerLetter { get; init; } = 9;
}

/// <summary>Figures of the A-LSTM's attention (Sønderby et al. 2015, Fig. 6).</summary>
public static class AttentionFigures
{
    // Signal shading: Okabe–Ito colours other than the line's blue (orange, bluish green, reddish purple, ...).
    static readonly SkiaSharp.SKColor[] SpanColors = [.. new[] { 0, 2, 6, 5, 3 }.Select(i => FigurePalette.OkabeIto[i])];

    /// <summary>
    /// Heatmap of attention: one row per protein, rows grouped by true location (labelled on the y axis, ruled off
    /// from each other), proteins middle-padded (<see cref="MiddlePadding"/>) so N-termini line up on the left and
    /// C-termini on the right; colour = weight, with a colour bar. Within a group rows keep the input order.
    /// </summary>
    /// <param name="basePath">Output path without extension: basePath.svg and basePath.png are written.</param>
    /// <remarks>The cells are one bitmap inside the SVG (one pixel per cell, or a block of pixels per cell when cells
    /// are large), so the file stays small: 1.4 MB for 1200 proteins × 1000 positions of noisy weights.</remarks>
    public static FigureFiles WriteHeatmap(string basePath, IReadOnlyList<AttentionRow> rows, HeatmapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        options ??= new HeatmapOptions();
        if (rows.Count == 0) throw new ArgumentException("There are no proteins to draw.", nameof(rows));
        foreach (var row in rows)
        {
            if (row.Weights.Length == 0)
                throw new ArgumentException($"Protein {row.Id} has no attention weights.", nameof(rows));
            if (!row.Weights.All(float.IsFinite))
                throw new ArgumentException($"Protein {row.Id} has a weight that is not a finite number.", nameof(rows));
        }

        int columns = options.Columns ?? rows.Max(r => r.Weights.Length);
        if (columns < 2) throw new ArgumentOutOfRangeException(nameof(options), $"The heatmap needs at least 2 columns, not {columns}.");
        var groups = GroupRows(rows, options.LocationOrder);
        double colorMax = options.ColorMax ?? DefaultColorMax(rows);
        if (!(colorMax > 0)) throw new ArgumentOutOfRangeException(nameof(options), $"The colour maximum must be positive, not {colorMax}.");

        // Cells: row i (0 = top) spans y ∈ [n−i−1, n−i]; column c spans x ∈ [c, c+1].
        int n = rows.Count;
        int height = options.Height ?? Math.Clamp(n, 240, 900) + 150;
        // ScottPlot draws the cells as one bitmap, which SVG viewers smooth when they enlarge it. So when cells are
        // bigger than 2 units, each becomes a block of bitmap pixels: edges stay sharp in every viewer, and big
        // heatmaps (the usual case) keep one pixel per cell and a small file. Data area ≈ figure − margins.
        int repeatX = Math.Max(1, (options.Width - 300) / (2 * columns));
        int repeatY = Math.Max(1, (height - 150) / (2 * n));
        var cells = new double[n * repeatY, columns * repeatX];
        int i = 0;
        foreach (var (_, members) in groups)
            foreach (var row in members)
            {
                float[] aligned = MiddlePadding.Align(row.Weights, columns);
                for (int c = 0; c < columns; c++)
                {
                    double value = float.IsNaN(aligned[c]) ? double.NaN : Math.Min(aligned[c], colorMax);
                    for (int dy = 0; dy < repeatY; dy++)
                        for (int dx = 0; dx < repeatX; dx++)
                            cells[i * repeatY + dy, c * repeatX + dx] = value;
                }
                i++;
            }

        using var plot = PlotStyle.NewPlot();
        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = FigurePalette.ContinuousColormap();
        heatmap.ManualRange = new ScottPlot.Range(Math.Min(0, rows.Min(r => r.Weights.Min())), colorMax);
        heatmap.Rectangle = new CoordinateRect(0, columns, 0, n); // cell edges (Extent would place cell centres there)
        heatmap.Smooth = false;
        heatmap.NaNCellColor = Colors.Transparent;

        var ink = FigurePalette.ToScottPlot(FigurePalette.Ink);
        var centres = new double[groups.Count];
        int top = 0;
        for (int g = 0; g < groups.Count; g++)
        {
            int count = groups[g].Rows.Count;
            centres[g] = n - top - count / 2.0;
            top += count;
            if (top < n)
            {
                var rule = plot.Add.HorizontalLine(n - top, 1, ink);
                rule.LinePattern = LinePattern.Solid;
            }
        }
        // Labels of small neighbouring groups would overlap: keep them a line apart (data area ≈ height − 150).
        double lineGap = n * (PlotStyle.TickSize * 1.3) / Math.Max(height - 150, 50);
        double[] labelYs = SpreadLabels(centres, lineGap, 0);
        var yTicks = new NumericManual();
        for (int g = 0; g < groups.Count; g++)
            yTicks.AddMajor(labelYs[g], $"{groups[g].Location} ({groups[g].Rows.Count})");
        plot.Axes.Left.TickGenerator = yTicks;
        plot.Axes.Left.MajorTickStyle.Length = 0;

        int head = MiddlePadding.HeadColumns(columns);
        plot.Add.VerticalLine(head, 1, FigurePalette.ToScottPlot(FigurePalette.Rule, 0.7));
        plot.Axes.Bottom.TickGenerator = TerminusTicks(columns);
        plot.Axes.Bottom.MinorTickStyle.Length = 0;

        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = "Attention weight";
        colorBar.LabelStyle.FontSize = PlotStyle.LabelSize;
        colorBar.LabelStyle.Bold = false;
        colorBar.LabelStyle.ForeColor = ink;
        colorBar.Axis.TickLabelStyle.FontSize = PlotStyle.TickSize;
        bool capped = rows.Any(r => r.Weights.Any(w => w > colorMax));
        colorBar.Axis.TickGenerator = ColorBarTicks(heatmap.ManualRange.Value.Min, colorMax, capped);

        plot.HideGrid();
        plot.Axes.SetLimits(0, columns, 0, n);
        PlotStyle.Finish(plot, options.Title,
            "Position from the N-terminus   ···   position from the C-terminus (−1 = last residue)", "True location");

        return PlotStyle.Write(plot, basePath, options.Width, height, options.PngScale);
    }

    /// <summary>
    /// Attention (or any per-residue value) along one protein as a filled line, residue letters on the x axis where
    /// they fit (positions on the top axis then), annotated sorting signals shaded; title = id, prediction and
    /// confidence, and the explained location and the model when given.
    /// </summary>
    /// <param name="basePath">Output path without extension: basePath.svg and basePath.png are written.</param>
    public static FigureFiles WriteTrack(string basePath, AttentionTrack track, TrackOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(track);
        options ??= new TrackOptions();
        int n = track.Weights.Length;
        if (n == 0) throw new ArgumentException($"Protein {track.Id} has no attention weights.", nameof(track));
        if (track.Sequence.Length != n)
            throw new ArgumentException(
                $"Protein {track.Id} has {n} attention weights but {track.Sequence.Length} residues; pass the sequence the model read (Truncation.Truncate for proteins longer than the model's maximum).",
                nameof(track));
        if (!(track.Confidence >= 0 && track.Confidence <= 1))
            throw new ArgumentOutOfRangeException(nameof(track), $"Confidence must be in [0, 1], not {track.Confidence}.");
        int whole = track.OriginalLength ?? n;
        if (whole < n || (whole > n && n < 2))
            throw new ArgumentOutOfRangeException(nameof(track), $"Protein {track.Id}: the whole protein ({whole} residues) cannot be shorter than the {n} residues read, and a cut protein keeps at least 2.");
        foreach (var span in track.Signals)
            if (span.Start < 1 || span.End < span.Start || span.End > whole)
                throw new ArgumentOutOfRangeException(nameof(track), $"Signal '{span.Label}' {span.Start}–{span.End} lies outside residues 1–{whole}.");
        var cut = new CutAxis(n, whole);

        using var plot = PlotStyle.NewPlot();
        for (int s = 0; s < track.Signals.Count; s++)
        {
            var span = track.Signals[s];
            if (cut.ReadSpan(span.Start, span.End) is not { } read) continue; // wholly inside the cut-out middle
            var shade = plot.Add.HorizontalSpan(read.First - 0.5, read.Last + 0.5, FigurePalette.ToScottPlot(SpanColors[s % SpanColors.Length], 0.25));
            shade.LineStyle.Width = 0;
            shade.LegendText = $"{span.Label} ({span.Start}–{span.End})";
        }
        if (cut.IsCut)
        {
            plot.Add.VerticalLine(cut.Head + 0.5, 1, FigurePalette.ToScottPlot(FigurePalette.Ink, 0.6));
        }

        double[] xs = Enumerable.Range(1, n).Select(p => (double)p).ToArray();
        double[] ys = track.Weights.Select(w => (double)w).ToArray();
        var line = plot.Add.ScatterLine(xs, ys, FigurePalette.ToScottPlot(FigurePalette.Primary));
        line.LineWidth = 1.5f;
        line.FillY = true;
        line.FillYValue = 0;
        line.FillYColor = FigurePalette.ToScottPlot(FigurePalette.Primary, 0.3);
        if (n == 1) line.MarkerSize = 6;

        double yMax = Math.Max(ys.Max(), 0) * 1.08;
        plot.Axes.SetLimits(0.5, n + 0.5, Math.Min(0, ys.Min() * 1.08), yMax > 0 ? yMax : 1);

        float unitsPerResidue = (options.Width - 130f) / n;
        string xLabel = "Residue position";
        if (unitsPerResidue >= options.MinUnitsPerLetter)
        {
            var letters = new NumericManual();
            for (int p = 1; p <= n; p++) letters.AddMajor(p, track.Sequence[p - 1].ToString());
            plot.Axes.Bottom.TickGenerator = letters;
            plot.Axes.Bottom.TickLabelStyle.FontSize = Math.Min(PlotStyle.TickSize, unitsPerResidue * 1.1f);
            plot.Axes.Top.TickGenerator = cut.Ticks();
            plot.Axes.Top.IsVisible = true;
            plot.Axes.SetLimitsX(0.5, n + 0.5, plot.Axes.Top);
            xLabel = "Residue (positions on the top axis)";
        }
        else
        {
            plot.Axes.Bottom.TickGenerator = cut.Ticks();
        }
        if (cut.IsCut)
            xLabel += $"; residues {cut.Head + 1}–{whole - (n - cut.Head)} not read (dashed line)";

        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Grid.MajorLineColor = FigurePalette.ToScottPlot(FigurePalette.Rule, 0.5);
        if (track.Signals.Count > 0)
        {
            plot.ShowLegend(Alignment.UpperRight);
            plot.Legend.OutlineColor = FigurePalette.ToScottPlot(FigurePalette.Rule);
            plot.Legend.ShadowColor = Colors.Transparent;
        }

        string title = $"{(track.Id.Length <= 60 ? track.Id : track.Id[..57] + "...")}: predicted {track.PredictedLocation} ({(100 * track.Confidence).ToString("0", CultureInfo.InvariantCulture) + "%"})"
            + (track.TrueLocation is null ? "" : $", true {track.TrueLocation}")
            + (track.ExplainedLocation is null ? "" : $"; toward {track.ExplainedLocation}")
            + (track.ModelName is null ? "" : $" — {track.ModelName}");
        PlotStyle.Finish(plot, title, xLabel, track.ValueLabel);
        return PlotStyle.Write(plot, basePath, options.Width, options.Height, options.PngScale);
    }

    /// <summary>
    /// The x axis of a track: read residues 1…n, which for a truncated protein stand for the whole protein's
    /// residues 1…Head and the last n − Head.
    /// </summary>
    sealed record CutAxis(int Read, int Whole)
    {
        public bool IsCut => Whole > Read;
        public int Head => IsCut ? Encoding.MiddleCut.Of(Read).Head : Read;
        int Shift => Whole - Read;

        /// <summary>Read positions of the part of whole-protein residues start…end that was read; null if none was.</summary>
        public (int First, int Last)? ReadSpan(int start, int end)
        {
            int tailStart = Head + Shift + 1;
            int first = start <= Head ? start : Math.Max(start, tailStart);
            int last = end >= tailStart ? end : Math.Min(end, Head);
            if (first > last) return null;
            return (first <= Head ? first : first - Shift, last <= Head ? last : last - Shift);
        }

        /// <summary>Integer ticks labelled with whole-protein positions (round numbers on each side of a cut).</summary>
        public ITickGenerator Ticks()
        {
            if (!IsCut) return new NumericAutomatic { IntegerTicksOnly = true };
            int step = PlotStyle.NiceStep(Read / 8.0);
            var ticks = new NumericManual();
            // As TerminusTicks: labels stay at least half a step away from the cut on both sides.
            foreach (int p in TickPositions(Head, step))
                ticks.AddMajor(p, p.ToString(CultureInfo.InvariantCulture));
            for (int p = (Head + Shift + step / 2 + step - 1) / step * step; p <= Whole; p += step)
                ticks.AddMajor(p - Shift, p.ToString(CultureInfo.InvariantCulture));
            return ticks;
        }
    }

    /// <summary>Ticks counted from each terminus: 1, s, 2s … on the left half, −1, −s, −2s … on the right.</summary>
    static NumericManual TerminusTicks(int columns)
    {
        int head = MiddlePadding.HeadColumns(columns), tail = columns - head;
        int step = PlotStyle.NiceStep(head / 5.0);
        var ticks = new NumericManual();
        // Keep the innermost labels apart from the other half's, at least half a step from the middle.
        foreach (int p in TickPositions(head, step))
            ticks.AddMajor(MiddlePadding.ColumnOfPosition(p, columns) + 0.5, p.ToString(CultureInfo.InvariantCulture));
        foreach (int p in TickPositions(tail, step))
            ticks.AddMajor(MiddlePadding.ColumnOfPosition(-p, columns) + 0.5, "−" + p.ToString(CultureInfo.InvariantCulture));
        return ticks;
    }

    /// <summary>
    /// Moves labels (y values, top to bottom, i.e. descending) until neighbours are at least <paramref name="gap"/>
    /// apart: crowded labels are pushed down, and if the last would then fall below <paramref name="low"/> + gap/2,
    /// up from there. Labels already far enough apart stay where they are.
    /// </summary>
    internal static double[] SpreadLabels(IReadOnlyList<double> ys, double gap, double low)
    {
        var spread = ys.ToArray();
        for (int i = 1; i < spread.Length; i++)
            spread[i] = Math.Min(spread[i], spread[i - 1] - gap);
        if (spread.Length > 0 && spread[^1] < low + gap / 2)
        {
            spread[^1] = Math.Min(low + gap / 2, ys[^1]);
            for (int i = spread.Length - 2; i >= 0; i--)
                spread[i] = Math.Max(spread[i], spread[i + 1] + gap);
        }
        return spread;
    }

    /// <summary>Round ticks up to the top of the scale, the top one labelled "≥ max" when larger weights were capped.</summary>
    static NumericManual ColorBarTicks(double min, double max, bool capped)
    {
        var ticks = new NumericManual();
        double step = PlotStyle.NiceStep(max - min, 5);
        for (double t = Math.Ceiling(min / step) * step; t < max - 0.25 * step; t += step)
            ticks.AddMajor(t, Format(Math.Round(t / step) * step));
        ticks.AddMajor(max, (capped ? "≥ " : "") + Format(max));
        return ticks;
    }

    static IEnumerable<int> TickPositions(int length, int step)
    {
        if (length < 1) yield break;
        yield return 1;
        for (int p = step; p <= length - step / 2.0; p += step)
            if (p > 1) yield return p;
    }

    static List<(string Location, List<AttentionRow> Rows)> GroupRows(IReadOnlyList<AttentionRow> rows, IReadOnlyList<string>? order)
    {
        var byLocation = rows.GroupBy(r => r.Location).ToDictionary(g => g.Key, g => g.ToList());
        IEnumerable<string> sequence = order ?? rows.Select(r => r.Location).Distinct();
        if (order is not null)
        {
            var unknown = byLocation.Keys.Except(order).ToList();
            if (unknown.Count > 0)
                throw new ArgumentException($"Location(s) {string.Join(", ", unknown)} are missing from the location order ({string.Join(", ", order)}).");
        }
        return sequence.Where(byLocation.ContainsKey).Select(l => (l, byLocation[l])).ToList();
    }

    static double DefaultColorMax(IReadOnlyList<AttentionRow> rows)
    {
        var all = rows.SelectMany(r => r.Weights).ToArray();
        Array.Sort(all);
        double p99 = all[(int)Math.Floor(0.99 * (all.Length - 1))];
        double max = all[^1];
        return p99 > 0 ? p99 : max > 0 ? max : 1;
    }

    static string Format(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
