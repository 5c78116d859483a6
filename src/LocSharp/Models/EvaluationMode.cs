using TorchSharp;

namespace LocSharp.Models;

/// <summary>
/// A network in evaluation mode (no dropout) for the length of a using block, and back in its caller's mode after
/// it: reading a model never changes the training state its caller left it in. A network already in evaluation mode
/// is only read, not written, so several threads may run batches through it at once.
/// </summary>
public readonly struct EvaluationMode : IDisposable
{
    readonly torch.nn.Module? switched;

    public EvaluationMode(torch.nn.Module network)
    {
        if (!network.training) return;
        network.eval();
        switched = network;
    }

    public void Dispose() => switched?.train();
}
