using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace LocSharp;

/// <summary>Process-wide libtorch settings; call <see cref="Configure"/> once, before the first tensor operation.</summary>
public static partial class TorchRuntime
{
    /// <summary>
    /// Sets the number of CPU threads (0 = one per core) and flushes denormal floats to zero. Denormals matter:
    /// an R-LSTM's gradient reaches early positions only through hundreds of LSTM steps and fades into the
    /// denormal range, where x86 arithmetic is many times slower (measured: one R-LSTM training pass, hidden 256,
    /// over 800 MultiLoc proteins took 72 s without and 15 s with).
    /// TorchSharp lacks torch.set_flush_denormal, so this calls the libtorch function behind it. It sets the
    /// calling thread's MXCSR; libtorch's worker threads, created later, inherit it.
    /// </summary>
    /// <param name="use">Whether libtorch splits each operation over the threads, or each operation runs on one
    /// thread and <see cref="InferenceWorkers"/> batches run at once.</param>
    /// <returns>Whether denormals are now flushed (false where the CPU or platform cannot).</returns>
    public static bool Configure(int threads = 0, ThreadUse use = ThreadUse.WithinOperations)
    {
        PreferShortSpinning();
        LimitPrimitiveCache();
        KeepFreedMemory();
        int count = threads > 0 ? threads : Environment.ProcessorCount;
        InferenceWorkers = use == ThreadUse.AcrossBatches ? Math.Min(count, MaxInferenceWorkers) : 1;
        set_num_threads(Math.Max(1, count / InferenceWorkers));
        UseLibtorchKernels();
        return FlushDenormals();
    }

    /// <summary>How many batches <see cref="Prediction.BatchedInference"/> runs at once by default: the threads of
    /// <see cref="Configure"/> with <see cref="ThreadUse.AcrossBatches"/>, at most <see cref="MaxInferenceWorkers"/>
    /// (the rest of the threads then split each operation), else 1.</summary>
    public static int InferenceWorkers { get; private set; } = 1;

    /// <summary>Each batch at work holds its own features and LSTM states, so memory grows with the batches at once;
    /// a many-core machine runs at most this many. Speed was measured only on 2 cores.</summary>
    public const int MaxInferenceWorkers = 8;

    /// <summary>Prepares a thread that runs network operations and was not made by libtorch: flushes denormals on it,
    /// as <see cref="Configure"/> did on the thread that called it (the setting is per thread).</summary>
    public static void PrepareWorkerThread() => FlushDenormals();

    /// <summary>
    /// libtorch's OpenMP threads spin a long time waiting for work. With other programs on the cores (a training
    /// run, a second predict) the spinning threads steal time from the working ones. Measured on 2 cores with two
    /// training processes running, predicting 300 proteins with 2 threads took 85 s with libgomp's default spin,
    /// 4.1 s with GOMP_SPINCOUNT=1000 and 3.3 s with passive waiting; on the idle machine 1500 proteins took 6.7 s
    /// with full spinning, 6.7 s with GOMP_SPINCOUNT=1000 and 13.6 s with passive waiting (`locsharp predict
    /// FILE --stats` under each setting). So a short spin, unless the user chose a policy. OpenMP reads these once,
    /// when libtorch loads, from the native environment (which Environment.SetEnvironmentVariable does not
    /// change), so this must run before the first tensor operation.
    /// </summary>
    static void PreferShortSpinning()
    {
        if (!OperatingSystem.IsLinux()) return;
        if (Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") != null || Environment.GetEnvironmentVariable("GOMP_SPINCOUNT") != null) return;
        SetEnvironment("GOMP_SPINCOUNT", "1000", 0);
    }

    /// <summary>
    /// oneDNN keeps a compiled LSTM primitive, with its buffers, for each batch shape it has seen (1024 by default);
    /// length-bucketed batches have many shapes, so memory grew with the number of proteins: 636 MiB after 1500
    /// MultiLoc proteins, against 468 MiB with a capacity of 8, at the same speed (`locsharp predict FILE --stats
    /// --threads 1`). Read when libtorch loads, like the OpenMP settings.
    /// </summary>
    static void LimitPrimitiveCache()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("ONEDNN_PRIMITIVE_CACHE_CAPACITY") != null) return;
        SetEnvironment("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "8", 0);
    }

    /// <summary>
    /// glibc hands every block over its mmap threshold (128 KiB at first) back to the kernel when freed, and the next
    /// one of that size comes back as fresh pages the kernel must zero: an LSTM step's tensors are that size, so a
    /// training run spent a third of its time in page faults. Keeping blocks up to 256 MiB on the heap and 1 GiB of
    /// freed memory before trimming more than halved the CPU time of a training epoch (317 DeepLoc proteins, hidden
    /// 128, one thread: 24.8 s → 11.2 s of user + system time, peak memory 0.8 → 1.0 GB,
    /// `/usr/bin/time -f "%U %S %M" locsharp train SAMPLE.fasta --hidden 128 --epochs 1 --threads 1 -o m.lsm`).
    /// </summary>
    static void KeepFreedMemory()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            const int trimThreshold = -1, topPad = -2, mmapThreshold = -3;
            MallocOption(mmapThreshold, 256 << 20);
            MallocOption(trimThreshold, 1 << 30);
            MallocOption(topPad, 64 << 20);
        }
        catch (EntryPointNotFoundException)
        {
            // Not glibc (e.g. musl): its allocator has no such options.
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallocOption(int option, int value);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvironment(string name, string value, int overwrite);

    /// <summary>
    /// Turns off libtorch's oneDNN (MKL-DNN) kernels for the process. On an AMD EPYC machine here, oneDNN gave wrong
    /// outputs: a protein's logits alone and in a padded batch differed by up to 1.6e-3, A-LSTM attention came out NaN
    /// (tests NetworkTests, which pass with oneDNN off), and the shipped R-LSTM scored 0.128 on MultiLoc's test
    /// partition instead of 0.820 (`LOCSHARP_ONEDNN=on locsharp evaluate -m models/rlstm-multiloc.lsm
    /// ../shared/data/multiloc --split ../shared/data/multiloc/split.tsv --partition test`; 0.820 with it off, as
    /// measured on the machine it was trained on). libtorch's own kernels are right on every machine; they cost about
    /// twice the CPU time (that evaluation: 34 s of CPU against 16 s). Idempotent; <see cref="LocSharp.Models.LocalizationNetwork"/> calls it before its
    /// first network, so every caller (CLI, server, tests) gets the correct kernels. LOCSHARP_ONEDNN=on keeps oneDNN,
    /// for measurements.
    /// </summary>
    public static void UseLibtorchKernels()
    {
        if (oneDnnOff || Environment.GetEnvironmentVariable("LOCSHARP_ONEDNN") == "on") return;
        SetUserEnabledMkldnn(GlobalContext(), false);
        // Without oneDNN, libtorch's convolution tries NNPACK, which this AMD CPU lacks: it then warns on stderr
        // ("Could not initialize NNPACK! Reason: Unsupported hardware") at every call. Its own GEMM path is used either way.
        SetUserEnabledNnpack(GlobalContext(), false);
        oneDnnOff = true;
    }

    static bool oneDnnOff;

    [LibraryImport("libtorch_cpu", EntryPoint = "_ZN2at7Context20setUserEnabledMkldnnEb")]
    private static partial void SetUserEnabledMkldnn(nint context, [MarshalAs(UnmanagedType.U1)] bool on);

    [LibraryImport("libtorch_cpu", EntryPoint = "_ZN2at7Context20setUserEnabledNNPACKEb")]
    private static partial void SetUserEnabledNnpack(nint context, [MarshalAs(UnmanagedType.U1)] bool on);

    static bool FlushDenormals()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.ProcessArchitecture != Architecture.X64) return false;
        try
        {
            return SetFlushDenormal(GlobalContext(), true);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    // at::globalContext() and at::Context::setFlushDenormal(bool), exported by libtorch_cpu.
    [LibraryImport("libtorch_cpu", EntryPoint = "_ZN2at13globalContextEv")]
    private static partial nint GlobalContext();

    [LibraryImport("libtorch_cpu", EntryPoint = "_ZN2at7Context16setFlushDenormalEb")]
    [return: MarshalAs(UnmanagedType.U1)]
    private static partial bool SetFlushDenormal(nint context, [MarshalAs(UnmanagedType.U1)] bool on);
}
