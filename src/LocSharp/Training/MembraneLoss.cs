using static TorchSharp.torch;

namespace LocSharp.Training;

/// <summary>
/// The loss of the membrane-bound output: binary cross-entropy of its logits against the flags, averaged over the
/// proteins whose flag is known. Proteins flagged unknown (DeepLoc's -U) contribute nothing, and a batch without any
/// known flag has loss zero.
/// </summary>
public static class MembraneLoss
{
    /// <param name="logits">[B] membrane-bound logits.</param>
    /// <param name="flags">Per protein: membrane-bound (true), soluble (false) or unknown (null).</param>
    public static Tensor Compute(Tensor logits, IReadOnlyList<bool?> flags)
    {
        if (logits.shape[0] != flags.Count) throw new ArgumentException($"{logits.shape[0]} logits but {flags.Count} flags.", nameof(flags));
        long[] known = Enumerable.Range(0, flags.Count).Where(i => flags[i].HasValue).Select(i => (long)i).ToArray();
        if (known.Length == 0) return logits.sum() * 0;
        using var index = tensor(known);
        using var targets = tensor(known.Select(i => flags[(int)i]!.Value ? 1f : 0f).ToArray());
        return nn.functional.binary_cross_entropy_with_logits(logits.index_select(0, index), targets);
    }
}
