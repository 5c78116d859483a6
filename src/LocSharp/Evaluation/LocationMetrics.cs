namespace LocSharp.Evaluation;

/// <summary>One location against all others. NaN marks an undefined metric (see <see cref="ClassificationMetrics"/>).</summary>
/// <param name="Name">Location name.</param>
/// <param name="Count">Proteins truly in this location.</param>
/// <param name="Precision">Of the proteins predicted here, the fraction truly here.</param>
/// <param name="Recall">Of the proteins truly here, the fraction predicted here (sensitivity).</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
/// <param name="Mcc">Matthews correlation of "here" against "elsewhere".</param>
public sealed record LocationMetrics(string Name, long Count, double Precision, double Recall, double F1, double Mcc);
