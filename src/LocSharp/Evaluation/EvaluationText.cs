using System.Globalization;
using System.Text;

namespace LocSharp.Evaluation;

/// <summary>Renders an <see cref="EvaluationReport"/> as a plain-text table for the terminal.</summary>
public static class EvaluationText
{
    const int MinCountWidth = 5;

    /// <summary>
    /// Accuracy and Gorodkin MCC, one row per location (n, precision, recall, MCC), then the confusion matrix with
    /// true locations as rows; column headers are the shortest unique prefixes of the names that fit the column.
    /// Undefined metrics show as "-".
    /// </summary>
    public static string Render(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        int nameWidth = Math.Max("Location".Length, report.Confusion.Locations.Max(n => n.Length));
        int countWidth = Math.Max(MinCountWidth, Digits(report.Proteins));

        Line(text, $"{"Proteins",-9} {report.Proteins}");
        Line(text, $"{"Accuracy",-9} {Metric(report.Accuracy)}");
        Line(text, $"{"MCC",-9} {Metric(report.Mcc)} (Gorodkin)");
        if (report.Membrane is { } membrane)
            Line(text, $"Membrane  accuracy {Metric(membrane.Accuracy)}, MCC {Metric(membrane.Mcc)} ({membrane.Proteins} proteins flagged membrane-bound or soluble)");
        if (report.Calibration is { } calibration)
            Line(text, $"{"ECE",-9} {Metric(calibration.Ece)} ({calibration.Bins.Count} bins of the top probability), Brier {Metric(calibration.Brier)}, NLL {Metric(calibration.Nll)}");
        Line(text, "");

        Line(text, $"{"Location".PadRight(nameWidth)}  {"n".PadLeft(countWidth)}  {"Precision",9}  {"Recall",9}  {"MCC",9}");
        foreach (var l in report.Locations)
            Line(text, $"{l.Name.PadRight(nameWidth)}  {l.Count.ToString(CultureInfo.InvariantCulture).PadLeft(countWidth)}  " +
                       $"{Metric(l.Precision),9}  {Metric(l.Recall),9}  {Metric(l.Mcc),9}");
        Line(text, "");

        var matrix = report.Confusion;
        var (headers, width) = ColumnHeaders(matrix.Locations, countWidth);
        Line(text, "Confusion matrix (rows: true location, columns: predicted)");
        var row = new StringBuilder("".PadRight(nameWidth));
        foreach (string header in headers) row.Append("  ").Append(header.PadLeft(width));
        Line(text, row.ToString());
        for (int t = 0; t < matrix.Size; t++)
        {
            row.Clear().Append(matrix.Locations[t].PadRight(nameWidth));
            for (int p = 0; p < matrix.Size; p++)
                row.Append("  ").Append(matrix[t, p].ToString(CultureInfo.InvariantCulture).PadLeft(width));
            Line(text, row.ToString());
        }
        return text.ToString();
    }

    static (string[] Headers, int Width) ColumnHeaders(IReadOnlyList<string> names, int minWidth)
    {
        int longest = names.Max(n => n.Length);
        for (int width = minWidth; width < longest; width++)
        {
            string[] headers = [.. names.Select(n => (n.Length <= width ? n : n[..width]).TrimEnd())];
            if (headers.Distinct(StringComparer.Ordinal).Count() == headers.Length) return (headers, width);
        }
        return ([.. names], Math.Max(minWidth, longest));
    }

    static string Metric(double value) =>
        double.IsNaN(value) ? "-" : value.ToString("0.000", CultureInfo.InvariantCulture);

    static int Digits(long value) => value.ToString(CultureInfo.InvariantCulture).Length;

    static void Line(StringBuilder text, string line) => text.Append(line.TrimEnd()).Append('\n');
}
