using LocSharp.Encoding;
using LocSharp.Sequences;

namespace LocSharp.Profiles;

/// <summary>
/// The evolutionary profile of one protein: for each residue, 20 position-specific log-odds scores (integers, as
/// MMseqs2's profile2pssm and PSI-BLAST's ASCII PSSM print them), in the order of <see cref="Residues.Standard"/>.
/// </summary>
public sealed class Profile
{
    /// <param name="residues">The protein's own residues, upper case, one per profile row.</param>
    /// <param name="scores">[residues.Length × 20] scores, row after row, columns in <see cref="Residues.Standard"/> order.</param>
    public Profile(string residues, sbyte[] scores)
    {
        if (scores.Length != residues.Length * Columns)
            throw new ArgumentException($"A profile of {residues.Length} residues needs {residues.Length * Columns} scores, not {scores.Length}.", nameof(scores));
        Residues = residues;
        Scores = scores;
    }

    public const int Columns = 20;

    public string Residues { get; }

    public sbyte[] Scores { get; }

    public int Length => Residues.Length;

    /// <summary>The 20 scores of row <paramref name="position"/> (from 0).</summary>
    public ReadOnlySpan<sbyte> Row(int position) => Scores.AsSpan(position * Columns, Columns);

    /// <summary>The rows the same middle cut keeps as <see cref="Truncation.Truncate"/> keeps of the sequence.</summary>
    public Profile Truncate(int maxLength)
    {
        if (Length <= maxLength) return this;
        return new Profile(Truncation.Truncate(Residues, maxLength), MiddleCut.Of(maxLength).Keep<sbyte>(Scores, Columns));
    }

    /// <summary>Clamps a score to what a profile stores (−128..127).</summary>
    public static sbyte Clamp(int score) => (sbyte)Math.Clamp(score, sbyte.MinValue, sbyte.MaxValue);
}
