using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LocSharp.Models;

/// <summary>
/// A bidirectional LSTM that reads only the real positions of each padded sequence. The backward direction
/// starts at each protein's own last residue, so it is the paper's "LSTM over the reversed sequence".
/// </summary>
public sealed class PackedBiLstm : Module<Tensor, Tensor, (Tensor Outputs, Tensor LastStates)>
{
    private readonly LSTM lstm;

    public PackedBiLstm(int inputSize, int hidden) : base(nameof(PackedBiLstm))
    {
        lstm = LSTM(inputSize, hidden, batchFirst: true, bidirectional: true);
        RegisterComponents();
    }

    /// <param name="input">[B, T, I]</param>
    /// <param name="lengths">[B] real lengths, int64 on the CPU.</param>
    /// <returns>Outputs [B, T, 2H] (zero at padding) and LastStates [B, 2H]: the forward state after the last real
    /// residue joined with the backward state after the first.</returns>
    public override (Tensor Outputs, Tensor LastStates) forward(Tensor input, Tensor lengths)
    {
        using var scope = NewDisposeScope();
        long steps = input.shape[1];
        using var packed = nn.utils.rnn.pack_padded_sequence(input, lengths, batch_first: true, enforce_sorted: false);
        var (packedOutputs, lastHidden, _) = lstm.call(packed);                 // lastHidden: [2, B, H]
        var (outputs, _) = nn.utils.rnn.pad_packed_sequence(packedOutputs, batch_first: true, total_length: steps); // [B, T, 2H]
        packedOutputs.Dispose();
        Tensor lastStates = cat([lastHidden[0], lastHidden[1]], 1);             // [B, 2H]
        return (outputs.MoveToOuterDisposeScope(), lastStates.MoveToOuterDisposeScope());
    }
}
