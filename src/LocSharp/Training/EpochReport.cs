namespace LocSharp.Training;

/// <summary>One line of the training log.</summary>
/// <param name="Epoch">1-based.</param>
/// <param name="LearningRate">Rate used during the epoch.</param>
/// <param name="TrainLoss">Mean cross-entropy over the epoch's batches (with dropout on).</param>
/// <param name="TrainAccuracy">Accuracy on the training batches as they were trained (with dropout on).</param>
/// <param name="ValidationAccuracy">Accuracy on the validation partition after the epoch, if there is one.</param>
/// <param name="PaddingFraction">Padded positions over all positions of the epoch's batches.</param>
/// <param name="Seconds">Wall time of the epoch, validation included.</param>
public sealed record EpochReport(
    int Epoch,
    double LearningRate,
    double TrainLoss,
    double TrainAccuracy,
    double? ValidationAccuracy,
    double PaddingFraction,
    double Seconds);
