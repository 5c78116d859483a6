using LocSharp.Evaluation;

namespace LocSharp.Tests.Evaluation;

public class ClassificationMetricsTests
{
    const double Tol = 1e-12;

    //         predicted
    //          A  B  C    t_k
    // true A [ 5, 2, 1 ]   8
    //      B [ 1, 6, 1 ]   8
    //      C [ 0, 2, 4 ]   6
    // p_k      6 10  6    s = 22, c = 5 + 6 + 4 = 15
    static readonly ConfusionMatrix ThreeClass =
        ConfusionMatrix.FromCounts(["A", "B", "C"], new long[,] { { 5, 2, 1 }, { 1, 6, 1 }, { 0, 2, 4 } });

    [Fact]
    public void Three_class_matrix_matches_hand_computation()
    {
        var r = EvaluationReport.From(ThreeClass);

        Assert.Equal(22, r.Proteins);
        Assert.Equal(15.0 / 22, r.Accuracy, Tol);

        // A: TP 5, FP 1 (column) , FN 3 (row), TN 22 − 9 = 13.
        var a = r.Locations[0];
        Assert.Equal(("A", 8L), (a.Name, a.Count));
        Assert.Equal(5.0 / 6, a.Precision, Tol);
        Assert.Equal(5.0 / 8, a.Recall, Tol);
        Assert.Equal(10.0 / 14, a.F1, Tol); // 2·5 / (2·5 + 1 + 3)
        Assert.Equal((5.0 * 13 - 1 * 3) / Math.Sqrt(6 * 8 * 14 * 16), a.Mcc, Tol); // 62 / √10752 ≈ 0.5979

        // B: TP 6, FP 4, FN 2, TN 10.
        var b = r.Locations[1];
        Assert.Equal(6.0 / 10, b.Precision, Tol);
        Assert.Equal(6.0 / 8, b.Recall, Tol);
        Assert.Equal(12.0 / 18, b.F1, Tol);
        Assert.Equal((6.0 * 10 - 4 * 2) / Math.Sqrt(10 * 8 * 12 * 14), b.Mcc, Tol); // 52 / √13440 ≈ 0.4485

        // C: TP 4, FP 2, FN 2, TN 14: MCC = (56 − 4) / √(6·6·16·16) = 52 / 96.
        var c = r.Locations[2];
        Assert.Equal(4.0 / 6, c.Precision, Tol);
        Assert.Equal(4.0 / 6, c.Recall, Tol);
        Assert.Equal(8.0 / 12, c.F1, Tol);
        Assert.Equal(52.0 / 96, c.Mcc, Tol);
    }

    [Fact]
    public void Gorodkin_mcc_of_three_class_matrix_matches_hand_computation()
    {
        // c·s = 15·22 = 330; Σ p_k t_k = 6·8 + 10·8 + 6·6 = 164; Σ p_k² = 36 + 100 + 36 = 172; Σ t_k² = 64 + 64 + 36 = 164;
        // s² = 484.  R_K = (330 − 164) / √((484 − 172)(484 − 164)) = 166 / √99840 ≈ 0.52536.
        double expected = 166 / Math.Sqrt(99840);

        Assert.Equal(expected, ClassificationMetrics.GorodkinMcc(ThreeClass), Tol);
        Assert.Equal(0.52536, expected, 5);
    }

    [Fact]
    public void Gorodkin_mcc_is_the_pearson_correlation_of_one_hot_labels()
    {
        // Independent route: expand the matrix into proteins, one-hot encode true (X) and predicted (Y) labels, and take
        // Σ_k cov(X_k, Y_k) / √(Σ_k var X_k · Σ_k var Y_k), Gorodkin's definition.
        var pairs = new List<(int T, int P)>();
        for (int t = 0; t < 3; t++)
        for (int p = 0; p < 3; p++)
            for (long n = 0; n < ThreeClass[t, p]; n++) pairs.Add((t, p));
        double cov = 0, varX = 0, varY = 0;
        for (int k = 0; k < 3; k++)
        {
            double meanX = pairs.Average(q => q.T == k ? 1.0 : 0), meanY = pairs.Average(q => q.P == k ? 1.0 : 0);
            foreach (var (t, p) in pairs)
            {
                double x = (t == k ? 1 : 0) - meanX, y = (p == k ? 1 : 0) - meanY;
                cov += x * y;
                varX += x * x;
                varY += y * y;
            }
        }

        Assert.Equal(cov / Math.Sqrt(varX * varY), ClassificationMetrics.GorodkinMcc(ThreeClass), 1e-10);
    }

    [Theory]
    [InlineData(7, 3, 2, 8)]
    [InlineData(50, 1, 4, 3)]
    [InlineData(1, 9, 8, 2)]
    [InlineData(3, 0, 0, 5)]
    public void Gorodkin_mcc_equals_binary_mcc_for_two_classes(long tp, long fn, long fp, long tn)
    {
        // Class 0 is the positive class: row 0 = (TP, FN), row 1 = (FP, TN).
        var m = ConfusionMatrix.FromCounts(["Pos", "Neg"], new long[,] { { tp, fn }, { fp, tn } });
        double binary = (tp * tn - fp * fn) / Math.Sqrt((double)(tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));

        Assert.Equal(binary, ClassificationMetrics.GorodkinMcc(m), Tol);
        Assert.Equal(binary, ClassificationMetrics.BinaryMcc(tp, fp, fn, tn), Tol);
        // One-vs-rest MCC of either class is the same number for two classes.
        var r = EvaluationReport.From(m);
        Assert.Equal(binary, r.Locations[0].Mcc, Tol);
        Assert.Equal(binary, r.Locations[1].Mcc, Tol);
    }

    [Fact]
    public void Perfect_diagonal_gives_one_everywhere()
    {
        var r = EvaluationReport.From(ConfusionMatrix.FromCounts(["A", "B", "C"], new long[,] { { 4, 0, 0 }, { 0, 9, 0 }, { 0, 0, 1 } }));

        Assert.Equal(1.0, r.Accuracy);
        Assert.Equal(1.0, r.Mcc, Tol);
        Assert.All(r.Locations, l => Assert.Equal((1.0, 1.0, 1.0), (l.Precision, l.Recall, l.F1)));
        Assert.All(r.Locations, l => Assert.Equal(1.0, l.Mcc, Tol));
    }

    [Fact]
    public void Swapped_two_class_predictions_give_minus_one() =>
        Assert.Equal(-1.0, ClassificationMetrics.GorodkinMcc(
            ConfusionMatrix.FromCounts(["A", "B"], new long[,] { { 0, 5 }, { 5, 0 } })), Tol);

    [Fact]
    public void Class_never_predicted_has_undefined_precision_and_mcc_but_zero_recall_and_f1()
    {
        //          A  B  C
        // true A [ 3, 1, 0 ]
        //      B [ 1, 2, 0 ]
        //      C [ 2, 1, 0 ]   C: TP 0, FP 0, FN 3.
        var r = EvaluationReport.From(ConfusionMatrix.FromCounts(["A", "B", "C"], new long[,] { { 3, 1, 0 }, { 1, 2, 0 }, { 2, 1, 0 } }));
        var c = r.Locations[2];

        Assert.Equal(3, c.Count);
        Assert.True(double.IsNaN(c.Precision)); // 0 / 0
        Assert.Equal(0.0, c.Recall);            // 0 / 3
        Assert.Equal(0.0, c.F1);                // 0 / (0 + 0 + 3)
        Assert.True(double.IsNaN(c.Mcc));       // TP + FP = 0 in the denominator
        // The overall numbers stay defined: s = 10, c = 5, p = (6, 4, 0), t = (4, 3, 3):
        // (50 − (24 + 12 + 0)) / √((100 − 52)(100 − 34)) = 14 / √3168.
        Assert.Equal(14 / Math.Sqrt(3168), r.Mcc, Tol);
        Assert.Equal(0.5, r.Accuracy);
    }

    [Fact]
    public void Class_never_present_has_undefined_recall_and_mcc_but_zero_precision_and_f1()
    {
        //          A  B  C
        // true A [ 3, 1, 0 ]
        //      B [ 1, 2, 1 ]
        //      C [ 0, 0, 0 ]   C: TP 0, FP 1, FN 0.
        var c = EvaluationReport.From(ConfusionMatrix.FromCounts(["A", "B", "C"], new long[,] { { 3, 1, 0 }, { 1, 2, 1 }, { 0, 0, 0 } })).Locations[2];

        Assert.Equal(0, c.Count);
        Assert.Equal(0.0, c.Precision);
        Assert.True(double.IsNaN(c.Recall));
        Assert.Equal(0.0, c.F1);
        Assert.True(double.IsNaN(c.Mcc));
    }

    [Fact]
    public void Class_neither_present_nor_predicted_has_undefined_f1()
    {
        var c = EvaluationReport.From(ConfusionMatrix.FromCounts(["A", "B", "C"], new long[,] { { 3, 1, 0 }, { 1, 2, 0 }, { 0, 0, 0 } })).Locations[2];

        Assert.True(double.IsNaN(c.F1));
        Assert.True(double.IsNaN(c.Precision));
        Assert.True(double.IsNaN(c.Recall));
    }

    [Fact]
    public void Everything_predicted_as_one_class_leaves_gorodkin_mcc_undefined()
    {
        // Σ p_k² = s²: the predicted labels have no variance.
        var m = ConfusionMatrix.FromCounts(["A", "B", "C"], new long[,] { { 4, 0, 0 }, { 3, 0, 0 }, { 2, 0, 0 } });

        Assert.True(double.IsNaN(ClassificationMetrics.GorodkinMcc(m)));
        Assert.Equal(4.0 / 9, ClassificationMetrics.Accuracy(m), Tol);
    }

    [Fact]
    public void Empty_matrix_has_undefined_accuracy_and_mcc()
    {
        var r = EvaluationReport.From(new ConfusionMatrix(["A", "B"], []));

        Assert.True(double.IsNaN(r.Accuracy));
        Assert.True(double.IsNaN(r.Mcc));
        Assert.Equal(0, r.Proteins);
    }
}
