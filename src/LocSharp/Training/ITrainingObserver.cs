namespace LocSharp.Training;

/// <summary>Hears how a training run goes, for progress bars and logs.</summary>
public interface ITrainingObserver
{
    /// <summary>A run starts (or resumes) after <paramref name="epochsDone"/> epochs.</summary>
    void Started(int epochsDone, int epochs, int batchesPerEpoch, double paddingFraction) { }

    void BatchDone(int epoch, int batch, int batches, double meanLoss) { }

    void EpochDone(EpochReport report, bool isBest) { }
}
