using System.Text.Json;
using LocSharp.Evaluation;

namespace LocSharp.Tests.Evaluation;

public class EvaluationJsonTests
{
    // C is never present: its recall and MCC are NaN, so the JSON must carry nulls.
    static readonly EvaluationReport WithUndefined = EvaluationReport.From(ConfusionMatrix.FromCounts(
        ["A", "B", "C"], new long[,] { { 3, 1, 0 }, { 1, 2, 1 }, { 0, 0, 0 } }));

    [Fact]
    public void Undefined_metrics_are_written_as_null_not_NaN()
    {
        string json = EvaluationJson.Serialize(WithUndefined);

        Assert.DoesNotContain("NaN", json);
        using var doc = JsonDocument.Parse(json);
        var c = doc.RootElement.GetProperty("locations")[2];
        Assert.Equal(JsonValueKind.Null, c.GetProperty("recall").ValueKind);
        Assert.Equal(JsonValueKind.Null, c.GetProperty("mcc").ValueKind);
        Assert.Equal(0.0, c.GetProperty("precision").GetDouble());
    }

    [Fact]
    public void Field_names_are_stable()
    {
        using var doc = JsonDocument.Parse(EvaluationJson.Serialize(WithUndefined));
        var root = doc.RootElement;

        Assert.Equal(["accuracy", "mcc", "proteins", "locations", "confusion"], Names(root));
        Assert.Equal(["name", "count", "precision", "recall", "f1", "mcc"], Names(root.GetProperty("locations")[0]));
        Assert.Equal(["labels", "rows"], Names(root.GetProperty("confusion")));
        Assert.Equal(8, root.GetProperty("proteins").GetInt64());
        Assert.Equal("B", root.GetProperty("confusion").GetProperty("labels")[1].GetString());
        Assert.Equal(1, root.GetProperty("confusion").GetProperty("rows")[1][2].GetInt64()); // true B, predicted C
    }

    [Fact]
    public void Round_trip_preserves_every_value()
    {
        var back = EvaluationJson.Deserialize(EvaluationJson.Serialize(WithUndefined));

        Assert.Equal(WithUndefined.Accuracy, back.Accuracy);
        Assert.Equal(WithUndefined.Mcc, back.Mcc);
        Assert.Equal(WithUndefined.Proteins, back.Proteins);
        Assert.Equal(WithUndefined.Locations, back.Locations); // record equality; NaN equals NaN in double.Equals
        Assert.Equal(WithUndefined.Confusion.Locations, back.Confusion.Locations);
        Assert.Equal(WithUndefined.Confusion.ToArray(), back.Confusion.ToArray());
        Assert.True(double.IsNaN(back.Locations[2].Recall));
    }

    [Fact]
    public void Confusion_rows_that_do_not_match_labels_are_rejected()
    {
        const string json = """
            {"accuracy":1,"mcc":1,"proteins":2,"locations":[],"confusion":{"labels":["A","B"],"rows":[[1,0]]}}
            """;

        var e = Assert.Throws<JsonException>(() => EvaluationJson.Deserialize(json));
        Assert.Contains("2×2", e.Message);
    }

    [Fact]
    public void Missing_fields_are_rejected() =>
        Assert.ThrowsAny<JsonException>(() => EvaluationJson.Deserialize("""{"accuracy":1,"mcc":1,"proteins":2}"""));

    static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
