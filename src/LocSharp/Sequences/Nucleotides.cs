namespace LocSharp.Sequences;

/// <summary>
/// The rule that tells a nucleotide sequence from a protein: at least <see cref="Threshold"/> of its letters are
/// A, C, G, T, U or N. Proteins are made of 20 residues; these six letters are rarely 90 % of one.
/// </summary>
public static class Nucleotides
{
    public const double Threshold = 0.9;

    /// <summary>Shorter sequences are never called nucleotides: a short peptide can be all A and G by chance.</summary>
    public const int MinimumLength = 20;

    /// <summary>The fraction of A/C/G/T/U/N in <paramref name="sequence"/> (upper case).</summary>
    public static double Fraction(ReadOnlySpan<char> sequence)
    {
        if (sequence.IsEmpty) return 0;
        int count = 0;
        foreach (char c in sequence) if (c is 'A' or 'C' or 'G' or 'T' or 'U' or 'N') count++;
        return (double)count / sequence.Length;
    }

    public static bool LookLikeNucleotides(string sequence) =>
        sequence.Length >= MinimumLength && Fraction(sequence) >= Threshold;
}
