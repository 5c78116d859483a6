namespace LocSharp;

/// <summary>How <see cref="TorchRuntime.Configure"/> spends the threads it is given.</summary>
public enum ThreadUse
{
    /// <summary>libtorch splits each operation over the threads (training: few, large batches).</summary>
    WithinOperations,

    /// <summary>Each operation runs on one thread and that many batches run at once (<see cref="Prediction.BatchedInference"/>).
    /// For inference, whose small LSTM steps gain nothing from splitting: on 2 cores, `deeploc.lsm` over 1,500
    /// MultiLoc proteins (batches of 64 and at most 16,384 positions) took 19.1-20.0 s on one thread, 20.4-23.0 s
    /// with two threads splitting each operation, and 9.5-10.6 s with two batches at once (docs/performance.md).</summary>
    AcrossBatches,
}
