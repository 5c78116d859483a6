namespace LocSharp.Cli.Infrastructure;

/// <summary>The --threads rule: 0 is one per core; more threads than cores only slow libtorch down, so a larger number is capped at the core count, with a note.</summary>
public static class Threads
{
    public static string? Check(int requested) => requested < 0
        ? $"--threads must be 0 (one per core) or a positive number, not {requested}."
        : null;

    /// <summary>Configures libtorch with the threads to use for <paramref name="requested"/>.</summary>
    /// <param name="use">Inference verbs run batches side by side (<see cref="ThreadUse.AcrossBatches"/>); training
    /// splits each operation.</param>
    public static void Configure(int requested, CliEnvironment environment, ThreadUse use = ThreadUse.WithinOperations)
    {
        int cores = Environment.ProcessorCount;
        if (requested > cores)
        {
            environment.Error.WriteLine($"note: --threads {requested} is more than the {cores} cores here; using {cores}.");
            requested = cores;
        }
        TorchRuntime.Configure(requested, use);
    }
}
