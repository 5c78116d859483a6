namespace LocSharp.Training;

/// <summary>
/// Keeps a second training run off a checkpoint that one is using: an exclusive lock (flock on Linux, through
/// <see cref="FileShare.None"/>) on CHECKPOINT.lock, held for the whole run and released by the operating system
/// when the process ends however it ends, so a killed run never leaves a stale lock.
/// </summary>
public sealed class CheckpointLock : IDisposable
{
    readonly FileStream stream;
    readonly string path;

    CheckpointLock(FileStream stream, string path) => (this.stream, this.path) = (stream, path);

    /// <exception cref="TrainingException">Another run holds the lock.</exception>
    public static CheckpointLock Acquire(string checkpointPath)
    {
        string path = checkpointPath + ".lock";
        try
        {
            return new CheckpointLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), path);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException && File.Exists(path))
        {
            throw new TrainingException($"{checkpointPath}: another training run is using this checkpoint (it holds {path}); " +
                "wait for it to finish, or train into another checkpoint.");
        }
    }

    public void Dispose()
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        stream.Dispose();
    }
}
