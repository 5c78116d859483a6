namespace LocSharp.Encoding;

/// <summary>
/// The one rule for keeping <c>k</c> of a protein's positions around a cut-out (or padded) middle: the first
/// ⌈k/2⌉ (<see cref="Head"/>) and the last ⌊k/2⌋ (<see cref="Tail"/>). Truncation, profiles, the aligned heatmap
/// and the track figures' axis all use it, so they always agree on which residues a model read.
/// </summary>
public readonly record struct MiddleCut(int Head, int Tail)
{
    /// <summary>The split of <paramref name="kept"/> positions.</summary>
    public static MiddleCut Of(int kept) => new((kept + 1) / 2, kept / 2);

    /// <summary>The first <see cref="Head"/> and last <see cref="Tail"/> items of <paramref name="items"/>, in
    /// blocks of <paramref name="stride"/> (a profile's row of scores is one block).</summary>
    public T[] Keep<T>(ReadOnlySpan<T> items, int stride = 1)
    {
        var kept = new T[(Head + Tail) * stride];
        items[..(Head * stride)].CopyTo(kept);
        items[^(Tail * stride)..].CopyTo(kept.AsSpan(Head * stride));
        return kept;
    }
}
