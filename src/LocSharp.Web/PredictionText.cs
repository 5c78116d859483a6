using LocSharp.Prediction;

namespace LocSharp.Web;

/// <summary>Predictions in `locsharp predict`'s output contract, through the same writer.</summary>
public static class PredictionText
{
    /// <summary>The format named by a request's <c>format</c> parameter; <paramref name="fallback"/> when absent.</summary>
    /// <exception cref="RequestException">400: not csv, tsv or json.</exception>
    public static PredictionFormat Format(string? name, PredictionFormat fallback) => name?.ToLowerInvariant() switch
    {
        null or "" => fallback,
        "csv" => PredictionFormat.Csv,
        "tsv" => PredictionFormat.Tsv,
        "json" => PredictionFormat.Json,
        _ => throw RequestException.BadRequest($"format must be csv, tsv or json, not '{name}'."),
    };

    public static string ContentType(PredictionFormat format) => format switch
    {
        PredictionFormat.Csv => "text/csv; charset=utf-8",
        PredictionFormat.Tsv => "text/tab-separated-values; charset=utf-8",
        _ => "application/json; charset=utf-8",
    };

    public static string Extension(PredictionFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>The whole output `locsharp predict -m MODEL --format FORMAT` writes for these predictions.</summary>
    public static string Write(ServedModel model, IEnumerable<ProteinPrediction> predictions, PredictionFormat format)
    {
        var text = new StringWriter { NewLine = "\n" };
        using (var writer = PredictionWriter.Create(text, format, model.Model.Locations, model.Model.PredictsMembrane))
        {
            foreach (var prediction in predictions) writer.Write(prediction);
            writer.Complete();
        }
        return text.ToString();
    }
}
