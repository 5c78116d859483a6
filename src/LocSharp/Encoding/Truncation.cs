namespace LocSharp.Encoding;

/// <summary>
/// Cuts long proteins from the middle, keeping both termini, where sorting signals sit: the first ⌈max/2⌉ and
/// the last ⌊max/2⌋ residues.
/// </summary>
public static class Truncation
{
    public const int DefaultMaxLength = 1000;

    public static bool IsTruncated(int length, int maxLength) => length > maxLength;

    public static string Truncate(string sequence, int maxLength)
    {
        if (maxLength < 2) throw new ArgumentOutOfRangeException(nameof(maxLength), "The maximum length must be at least 2.");
        if (sequence.Length <= maxLength) return sequence;
        int head = (maxLength + 1) / 2, tail = maxLength / 2;
        return string.Concat(sequence.AsSpan(0, head), sequence.AsSpan(sequence.Length - tail));
    }

    /// <summary>Position in the original sequence of position <paramref name="kept"/> of the truncated one.</summary>
    public static int OriginalPosition(int kept, int originalLength, int maxLength)
    {
        int head = (maxLength + 1) / 2;
        return originalLength <= maxLength || kept < head ? kept : originalLength - maxLength + kept;
    }
}
