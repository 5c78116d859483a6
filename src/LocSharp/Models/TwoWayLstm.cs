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
        var (forwardStates, reverseStates) = States(input, reversal);                 // [B, T, H] each
        Tensor outputs = cat([forwardStates, Gather(reverseStates, reversal)], 2);   // [B, T, 2H]
        return (outputs.MoveToOuterDisposeScope(), Last(forwardStates, reverseStates, lengths).MoveToOuterDisposeScope());
    }

    /// <summary>Only the joined last states [B, 2H], for a network that reads nothing else (R-LSTM): the same
    /// values as <see cref="forward"/>'s, without joining the per-position outputs.</summary>
    public Tensor LastStates(Tensor input, Tensor lengths)
    {
        using var scope = NewDisposeScope();
        var (forwardStates, reverseStates) = States(input, ReversalIndex(lengths, input.shape[1]));
        return Last(forwardStates, reverseStates, lengths).MoveToOuterDisposeScope();
    }

    /// <summary>Forward states [B, T, H], and reverse states [B, T, H] in the reverse LSTM's order (position t = residue len-1-t).</summary>
    (Tensor Forward, Tensor Reverse) States(Tensor input, Tensor reversal)
    {
        var (forwardStates, _, _) = forwardLstm.call(input);
        var (reverseStates, _, _) = reverseLstm.call(Gather(input, reversal));
        return (forwardStates, reverseStates);
    }

    /// <summary>The forward state after the last residue joined with the reverse state after the first: [B, 2H].</summary>
    static Tensor Last(Tensor forwardStates, Tensor reverseStates, Tensor lengths)
    {
        Tensor last = (lengths - 1).view(-1, 1);                                     // [B, 1]
        return cat([Gather(forwardStates, last), Gather(reverseStates, last)], 2).squeeze(1);
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
