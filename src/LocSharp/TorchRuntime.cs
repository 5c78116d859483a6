using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace LocSharp;

/// <summary>Process-wide libtorch settings; call <see cref="Configure"/> once, before the first tensor operation.</summary>
public static partial class TorchRuntime
{
    /// <summary>
    /// Sets the number of CPU threads (0 = one per core) and flushes denormal floats to zero. Denormals matter:
    /// an R-LSTM's gradient reaches early positions only through hundreds of LSTM steps and fades into the
    /// denormal range, where x86 arithmetic is many times slower (measured: ~4× slower training epochs).
    /// TorchSharp lacks torch.set_flush_denormal, so this calls the libtorch function behind it. It sets the
    /// calling thread's MXCSR; libtorch's worker threads, created later, inherit it.
    /// </summary>
    /// <returns>Whether denormals are now flushed (false where the CPU or platform cannot).</returns>
    public static bool Configure(int threads = 0)
    {
        set_num_threads(threads > 0 ? threads : Environment.ProcessorCount);
        return FlushDenormals();
    }

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
