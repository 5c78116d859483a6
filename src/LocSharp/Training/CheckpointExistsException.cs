namespace LocSharp.Training;

/// <summary>
/// A new training run whose checkpoint file already holds another run's checkpoint: a case of its own so that a
/// front end can say how it resumes a run.
/// </summary>
public sealed class CheckpointExistsException(string checkpointPath)
    : TrainingException($"{checkpointPath} already holds a checkpoint: resume that run, or delete the file to start over.")
{
    public string CheckpointPath { get; } = checkpointPath;
}
