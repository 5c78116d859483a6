using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LocSharp.Models;

/// <summary>
/// The paper's two LSTMs: one reads each protein forward, the other reads its real (unpadded) sequence reversed,
/// so it starts at the protein's own last residue. Padding sits after the real positions in both inputs, so no
/// real position's state depends on padding.
/// </summary>
/// <remarks>
/// Two padded unidirectional LSTMs rather than one bidirectional LSTM over a packed sequence: libtorch's CPU
/// backward pass over packed sequences is several times slower, and with length-bucketed batches the padding
/// these LSTMs read (and ignore) is small.
/// </remarks>
public sealed class TwoWayLstm : Module<Tensor, Tensor, (Tensor Outputs, Tensor LastStates)>
{
    private readonly LSTM forwardLstm;
    private readonly LSTM reverseLstm;

    public TwoWayLstm(int inputSize, int hidden) : base(nameof(TwoWayLstm))
    {
        forwardLstm = LSTM(inputSize, hidden, batchFirst: true);
        reverseLstm = LSTM(inputSize, hidden, batchFirst: true);
        RegisterComponents();
    }

    /// <param name="input">[B, T, I]</param>
    /// <param name="lengths">[B] real lengths (int64).</param>
    /// <returns>Outputs [B, T, 2H]: at each real position the forward state and the reverse LSTM's state there
    /// (undefined at padding); LastStates [B, 2H]: the forward state after the last residue joined with the
    /// reverse state after the first.</returns>
    public override (Tensor Outputs, Tensor LastStates) forward(Tensor input, Tensor lengths)
    {
        using var scope = NewDisposeScope();
        Tensor reversal = ReversalIndex(lengths, input.shape[1]);                     // [B, T]
        var (forwardStates, _, _) = forwardLstm.call(input);                         // [B, T, H]
        var (reverseStates, _, _) = reverseLstm.call(Gather(input, reversal));       // [B, T, H], position t = residue len-1-t
        Tensor last = (lengths - 1).view(-1, 1);                                     // [B, 1]
        Tensor lastStates = cat([Gather(forwardStates, last), Gather(reverseStates, last)], 2).squeeze(1); // [B, 2H]
        Tensor outputs = cat([forwardStates, Gather(reverseStates, reversal)], 2);   // [B, T, 2H]
        return (outputs.MoveToOuterDisposeScope(), lastStates.MoveToOuterDisposeScope());
    }

    /// <summary>[B, T] index that reverses each row's first lengths[b] positions and leaves the padding in place.</summary>
    public static Tensor ReversalIndex(Tensor lengths, long steps)
    {
        using var scope = NewDisposeScope();
        Tensor positions = arange(steps, dtype: ScalarType.Int64).unsqueeze(0);       // [1, T]
        Tensor real = lengths.view(-1, 1);                                            // [B, 1]
        return where(positions < real, real - 1 - positions, positions).MoveToOuterDisposeScope(); // [B, T]
    }

    /// <summary>values[b, index[b, t], :] for every b, t.</summary>
    static Tensor Gather(Tensor values, Tensor index) =>
        values.gather(1, index.unsqueeze(2).expand(index.shape[0], index.shape[1], values.shape[2]));
}
