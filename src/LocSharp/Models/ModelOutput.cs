using static TorchSharp.torch;

namespace LocSharp.Models;

/// <summary>What a network returns for a batch.</summary>
/// <param name="Logits">[B, C] unnormalised location scores.</param>
/// <param name="Representation">[B, 2H] the fixed-length representation the classifier reads (R-LSTM: joined last
/// states; A-LSTM: the context c).</param>
/// <param name="Attention">[B, T] attention weights, zero on padding (A-LSTM only).</param>
/// <param name="Membrane">[B] membrane-bound logits (networks with a membrane output only).</param>
public sealed record ModelOutput(Tensor Logits, Tensor Representation, Tensor? Attention, Tensor? Membrane = null) : IDisposable
{
    public ModelOutput MoveToOuterDisposeScope()
    {
        Logits.MoveToOuterDisposeScope();
        Representation.MoveToOuterDisposeScope();
        Attention?.MoveToOuterDisposeScope();
        Membrane?.MoveToOuterDisposeScope();
        return this;
    }

    public void Dispose()
    {
        Logits.Dispose();
        Representation.Dispose();
        Attention?.Dispose();
        Membrane?.Dispose();
    }
}
