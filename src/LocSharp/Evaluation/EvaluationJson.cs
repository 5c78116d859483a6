using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocSharp.Evaluation;

/// <summary>
/// The JSON form of an <see cref="EvaluationReport"/>: <c>{accuracy, mcc, proteins, locations: [{name, count,
/// precision, recall, f1, mcc}], confusion: {labels, rows}, membrane?: {proteins, accuracy, mcc}, calibration?:
/// {proteins, ece, brier, nll, bins: [{lower, upper, count, meanConfidence, accuracy}]}}</c>, rows indexed [true][predicted]. Undefined metrics
/// are null, never NaN (which is not JSON). The field names are a file format: do not rename.
/// </summary>
public static class EvaluationJson
{
    static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static string Serialize(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var matrix = report.Confusion;
        var rows = new long[matrix.Size][];
        for (int t = 0; t < matrix.Size; t++)
        {
            rows[t] = new long[matrix.Size];
            for (int p = 0; p < matrix.Size; p++) rows[t][p] = matrix[t, p];
        }
        var dto = new ReportDto(
            Nullable(report.Accuracy),
            Nullable(report.Mcc),
            report.Proteins,
            [.. report.Locations.Select(l => new LocationDto(
                l.Name, l.Count, Nullable(l.Precision), Nullable(l.Recall), Nullable(l.F1), Nullable(l.Mcc)))],
            new ConfusionDto([.. matrix.Locations], rows),
            report.Membrane is { } m ? new MembraneDto(m.Proteins, Nullable(m.Accuracy), Nullable(m.Mcc)) : null,
            report.Calibration is { } c ? new CalibrationDto(c.Proteins, Nullable(c.Ece), Nullable(c.Brier), Nullable(c.Nll),
                [.. c.Bins.Select(b => new BinDto(b.Lower, b.Upper, b.Count, Nullable(b.MeanConfidence), Nullable(b.Accuracy)))]) : null);
        return JsonSerializer.Serialize(dto, Options);
    }

    /// <exception cref="JsonException">The text is not a report in this format.</exception>
    public static EvaluationReport Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var dto = JsonSerializer.Deserialize<ReportDto>(json, Options)
                  ?? throw new JsonException("Expected an evaluation report object; found null.");
        var labels = dto.Confusion.Labels;
        if (dto.Confusion.Rows.Length != labels.Length || dto.Confusion.Rows.Any(r => r.Length != labels.Length))
            throw new JsonException($"Expected a {labels.Length}×{labels.Length} confusion matrix to match its labels.");
        var counts = new long[labels.Length, labels.Length];
        for (int t = 0; t < labels.Length; t++)
        for (int p = 0; p < labels.Length; p++)
            counts[t, p] = dto.Confusion.Rows[t][p];

        ConfusionMatrix matrix;
        try { matrix = ConfusionMatrix.FromCounts(labels, counts); }
        catch (ArgumentException e) { throw new JsonException($"Invalid confusion matrix: {e.Message}", e); }

        return new EvaluationReport(
            dto.Accuracy ?? double.NaN,
            dto.Mcc ?? double.NaN,
            dto.Proteins,
            [.. dto.Locations.Select(l => new LocationMetrics(
                l.Name, l.Count, l.Precision ?? double.NaN, l.Recall ?? double.NaN, l.F1 ?? double.NaN, l.Mcc ?? double.NaN))],
            matrix)
        {
            Membrane = dto.Membrane is { } m ? new MembraneMetrics(m.Proteins, m.Accuracy ?? double.NaN, m.Mcc ?? double.NaN) : null,
            Calibration = dto.Calibration is { } c ? new CalibrationMetrics(c.Proteins, c.Ece ?? double.NaN, c.Brier ?? double.NaN, c.Nll ?? double.NaN,
                [.. c.Bins.Select(b => new ReliabilityBin(b.Lower, b.Upper, b.Count, b.MeanConfidence ?? double.NaN, b.Accuracy ?? double.NaN))]) : null,
        };
    }

    static double? Nullable(double value) => double.IsFinite(value) ? value : null;

    sealed record ReportDto(double? Accuracy, double? Mcc, long Proteins, LocationDto[] Locations, ConfusionDto Confusion,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MembraneDto? Membrane = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CalibrationDto? Calibration = null);

    sealed record CalibrationDto(long Proteins, double? Ece, double? Brier, double? Nll, BinDto[] Bins);

    sealed record BinDto(double Lower, double Upper, long Count, double? MeanConfidence, double? Accuracy);

    sealed record MembraneDto(long Proteins, double? Accuracy, double? Mcc);

    sealed record LocationDto(string Name, long Count, double? Precision, double? Recall, double? F1, double? Mcc);

    sealed record ConfusionDto(string[] Labels, long[][] Rows);
}
