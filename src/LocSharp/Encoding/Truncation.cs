namespace LocSharp.Encoding;

/// <summary>
/// Cuts long proteins from the middle, keeping both termini, where sorting signals sit: the first ⌈max/2⌉ and
/// the last ⌊max/2⌋ residues (<see cref="MiddleCut"/>).
/// </summary>
public static class Truncation
{
    public const int DefaultMaxLength = 1000;

    public static bool IsTruncated(int length, int maxLength) => length > maxLength;

    public static string Truncate(string sequence, int maxLength)
    {
        if (maxLength < 2) throw new ArgumentOutOfRangeException(nameof(maxLength), "The maximum length must be at least 2.");
        if (sequence.Length <= maxLength) return sequence;
        return new string(MiddleCut.Of(maxLength).Keep(sequence.AsSpan()));
    }

    /// <summary>Position in the original sequence of position <paramref name="kept"/> of the truncated one.</summary>
    public static int OriginalPosition(int kept, int originalLength, int maxLength)
    {
        return originalLength <= maxLength || kept < MiddleCut.Of(maxLength).Head ? kept : originalLength - maxLength + kept;
    }
}
