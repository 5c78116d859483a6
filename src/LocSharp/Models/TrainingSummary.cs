namespace LocSharp.Models;

/// <summary>What data and settings trained a network (its provenance); the trainer builds it, the model file stores it.</summary>
/// <param name="Data">The labelled data it read.</param>
/// <param name="Split">The split file, if any.</param>
/// <param name="TrainPartitions">Partitions it trained on (empty: all of the data).</param>
/// <param name="ValidationPartition">Partition that chose the best epoch, if any.</param>
/// <param name="Proteins">Training proteins.</param>
/// <param name="Options">The training settings.</param>
/// <param name="EpochsRun">Epochs trained.</param>
/// <param name="SelectedEpoch">Epoch whose weights were kept (1-based).</param>
/// <param name="ValidationAccuracy">Accuracy on the validation partition at that epoch.</param>
/// <param name="WallSeconds">Training time, over all sessions of a resumed run.</param>
/// <param name="Finished">When training ended.</param>
public sealed record TrainingSummary(
    string Data,
    string? Split,
    IReadOnlyList<string> TrainPartitions,
    string? ValidationPartition,
    int Proteins,
    TrainingOptions Options,
    int EpochsRun,
    int SelectedEpoch,
    double? ValidationAccuracy,
    double WallSeconds,
    DateTimeOffset Finished);
