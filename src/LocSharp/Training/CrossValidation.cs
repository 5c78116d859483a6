using LocSharp.Evaluation;
using LocSharp.Models;

namespace LocSharp.Training;

/// <summary>One held-out fold: the validation accuracy after every epoch of the model trained on the other folds.</summary>
public sealed record FoldResult(string Fold, IReadOnlyList<double> AccuracyByEpoch)
{
    /// <summary>Accuracy of the final model (the last epoch; the held-out fold selects nothing).</summary>
    public double Accuracy => AccuracyByEpoch[^1];
}

/// <summary>What k-fold cross-validation says about a set of training settings.</summary>
/// <param name="Options">The settings cross-validated.</param>
/// <param name="Folds">Each fold's result.</param>
/// <param name="MeanAccuracy">Mean accuracy over folds at the last epoch.</param>
/// <param name="SdAccuracy">Sample standard deviation of those accuracies (null with one fold).</param>
/// <param name="BestEpoch">Epoch (1-based) with the best mean validation accuracy over folds.</param>
/// <param name="BestEpochMeanAccuracy">That mean accuracy.</param>
/// <remarks><see cref="Calibration"/> is the temperature fitted on the folds' out-of-fold predictions, stored in
/// every fold's model; null until every fold has finished.</remarks>
public sealed record CrossValidationSummary(
    TrainingOptions Options,
    IReadOnlyList<FoldResult> Folds,
    double MeanAccuracy,
    double? SdAccuracy,
    int BestEpoch,
    double BestEpochMeanAccuracy)
{
    public Models.ModelCalibration? Calibration { get; init; }

    public static CrossValidationSummary From(TrainingOptions options, IReadOnlyList<FoldResult> folds)
    {
        if (folds.Count == 0) throw new ArgumentException("Cross-validation needs at least one finished fold.", nameof(folds));
        var (mean, sd) = Summary.MeanAndSd(folds.Select(f => f.Accuracy));
        int epochs = folds.Min(f => f.AccuracyByEpoch.Count);
        var meanByEpoch = Enumerable.Range(0, epochs).Select(e => folds.Average(f => f.AccuracyByEpoch[e])).ToList();
        int best = meanByEpoch.IndexOf(meanByEpoch.Max());
        return new CrossValidationSummary(options, folds, mean, double.IsNaN(sd) ? null : sd, best + 1, meanByEpoch[best]);
    }
}
