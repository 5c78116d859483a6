namespace LocSharp.Sequences;

/// <summary>The amino-acid alphabet LocSharp reads.</summary>
public static class Residues
{
    /// <summary>The 20 standard residues, in the order of the substitution matrices and the one-hot code.</summary>
    public const string Standard = "ARNDCQEGHILKMFPSTWYV";

    /// <summary>
    /// Codes accepted besides the standard ones: B (D or N), Z (E or Q), J (I or L), U (selenocysteine),
    /// O (pyrrolysine), X (unknown).
    /// </summary>
    public const string Ambiguous = "BZJUOX";

    /// <summary>Every code a sequence may contain (upper case).</summary>
    public const string All = Standard + Ambiguous;

    static readonly bool[] ValidUpper = BuildLookup();

    /// <summary>Whether c is a valid residue code, in either case.</summary>
    public static bool IsValid(char c) => c < 128 && ValidUpper[char.ToUpperInvariant(c)];

    /// <summary>Position of a standard residue in <see cref="Standard"/>, or -1 for any other code.</summary>
    public static int StandardIndex(char upper) => Standard.IndexOf(upper);

    static bool[] BuildLookup()
    {
        var lookup = new bool[128];
        foreach (char c in All) lookup[c] = true;
        return lookup;
    }
}
