using LocSharp.Evaluation;

namespace LocSharp.Tests.Evaluation;

public class EvaluationTextTests
{
    [Fact]
    public void Renders_summary_location_rows_and_confusion_matrix()
    {
        //          Nucleus  Cell membrane  Cell wall
        // Nucleus        5              2          1
        // Cell membrane  1              6          1
        // Cell wall      0              0          0   never present, so its recall and MCC are undefined
        var report = EvaluationReport.From(ConfusionMatrix.FromCounts(
            ["Nucleus", "Cell membrane", "Cell wall"], new long[,] { { 5, 2, 1 }, { 1, 6, 1 }, { 0, 0, 0 } }));

        string[] lines = EvaluationText.Render(report).Split('\n');

        Assert.Equal("Proteins  16", lines[0]);
        Assert.Equal("Accuracy  0.688", lines[1]); // 11 / 16 = 0.6875
        Assert.StartsWith("MCC       0.", lines[2]);
        Assert.EndsWith("(Gorodkin)", lines[2]);
        Assert.Equal("Location           n  Precision     Recall        MCC", lines[4]);
        // Nucleus: TP 5, FP 1, FN 3, TN 7; MCC = (35 − 3) / √(6·8·8·10) = 32 / √3840 ≈ 0.516.
        Assert.Equal("Nucleus            8      0.833      0.625      0.516", lines[5]);
        Assert.Equal("Cell wall          0      0.000          -          -", lines[7]);
        Assert.Equal("Confusion matrix (rows: true location, columns: predicted)", lines[9]);
        // "Cell membrane" and "Cell wall" share the 5-letter prefix "Cell", so the columns widen to 6 letters.
        Assert.Equal("               Nucleu  Cell m  Cell w", lines[10]);
        Assert.Equal("Nucleus             5       2       1", lines[11]);
        Assert.Equal("Cell wall           0       0       0", lines[13]);
    }

    [Fact]
    public void Columns_keep_full_names_when_they_fit()
    {
        var report = EvaluationReport.From(ConfusionMatrix.FromCounts(["ER", "Golgi"], new long[,] { { 123456, 1 }, { 2, 3 } }));

        string text = EvaluationText.Render(report);

        // Name column 8 wide ("Location"); count columns 6 wide (123462 proteins in all).
        Assert.Contains("\n              ER   Golgi\n", text);
        Assert.Contains("\nER        123456       1\n", text);
    }
}
