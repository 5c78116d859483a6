using LocSharp.Profiles;
using LocSharp.Sequences;

namespace LocSharp.Encoding;

/// <summary>
/// Turns a sequence into per-residue feature rows: one-hot (20) + scaled BLOSUM80 row (20) + scaled HSDM row (20)
/// = 60 features, optionally followed by a 20-column profile (80 features).
/// </summary>
/// <remarks>
/// Scaling: each matrix is divided by its largest absolute entry (BLOSUM80 by 11, HSDM by 19.05), so every
/// feature lies in [-1, 1] like the one-hot part and neither matrix dominates the other.
/// Ambiguous codes are the mean of the 60-feature rows of the residues they may stand for: B = (D + N)/2,
/// Z = (E + Q)/2, J = (I + L)/2, X = mean of all 20; U (selenocysteine) is encoded as C, O (pyrrolysine) as K.
/// Profile scores s (integer log-odds) become the logistic 1 / (1 + e^−s), in (0, 1), as in PSIPRED and most
/// PSSM-based predictors: 0 → 0.5, a score of ±5 saturates to within 0.01 of 1 or 0.
/// </remarks>
public static class ResidueEncoder
{
    public const int OneHotFeatures = 20;
    public const int Features = 3 * 20;
    public const int ProfileFeatures = 20;

    /// <summary>Names the encoding in model files; a model only accepts input encoded the same way.</summary>
    public const string Name = "onehot+blosum80/11+hsdm/19.05";

    /// <summary>Names the scaling of profile scores, recorded in profile models.</summary>
    public const string ProfileScaling = "logistic";

    static readonly float[][] Rows = BuildRows();
    static readonly float[] ProfileValues = Enumerable.Range(sbyte.MinValue, 256).Select(s => (float)ProfileFeature(s)).ToArray();

    /// <summary>The feature a profile score becomes: the logistic function of the score.</summary>
    public static double ProfileFeature(int score) => 1 / (1 + Math.Exp(-score));

    /// <summary>The 60 features of one residue code (either case).</summary>
    public static ReadOnlySpan<float> Row(char residue)
    {
        char upper = char.ToUpperInvariant(residue);
        if (upper >= 128 || Rows[upper] is not { } row)
            throw new ArgumentException($"'{residue}' is not a residue code; valid codes are {Residues.All}.", nameof(residue));
        return row;
    }

    /// <summary>
    /// Writes the features of every residue of <paramref name="sequence"/> into <paramref name="destination"/>,
    /// row after row, each <paramref name="rowWidth"/> wide (60, or 80 when a profile follows).
    /// </summary>
    /// <param name="profile">The sequence's profile (as many rows as residues), written into columns 60..79 of an
    /// 80-wide row; required for 80 features, not allowed for 60.</param>
    public static void Encode(ReadOnlySpan<char> sequence, Span<float> destination, int rowWidth = Features, Profile? profile = null)
    {
        if (rowWidth != Features && rowWidth != Features + ProfileFeatures)
            throw new ArgumentOutOfRangeException(nameof(rowWidth), $"Row width must be {Features} or {Features + ProfileFeatures}.");
        if ((rowWidth == Features + ProfileFeatures) != (profile != null))
            throw new ArgumentException($"A {rowWidth}-feature encoding {(profile == null ? "needs" : "takes no")} profile.", nameof(profile));
        if (profile != null && profile.Length != sequence.Length)
            throw new ArgumentException($"The profile has {profile.Length} rows, the sequence {sequence.Length} residues.", nameof(profile));
        for (int i = 0; i < sequence.Length; i++)
        {
            Span<float> row = destination.Slice(i * rowWidth, rowWidth);
            Row(sequence[i]).CopyTo(row);
            if (profile == null) continue;
            ReadOnlySpan<sbyte> scores = profile.Row(i);
            for (int j = 0; j < ProfileFeatures; j++) row[Features + j] = ProfileValues[scores[j] - sbyte.MinValue];
        }
    }

    /// <summary>The features of a whole sequence as a new [length * width] array.</summary>
    public static float[] Encode(string sequence, int rowWidth = Features, Profile? profile = null)
    {
        var features = new float[sequence.Length * rowWidth];
        Encode(sequence, features, rowWidth, profile);
        return features;
    }

    static float[][] BuildRows()
    {
        float blosumScale = MaxAbs(SubstitutionMatrices.Blosum80), hsdmScale = MaxAbs(SubstitutionMatrices.Hsdm);
        var rows = new float[128][];
        for (int r = 0; r < 20; r++)
        {
            var row = new float[Features];
            row[r] = 1;
            for (int c = 0; c < 20; c++)
            {
                row[20 + c] = SubstitutionMatrices.Blosum80[r, c] / blosumScale;
                row[40 + c] = (float)(SubstitutionMatrices.Hsdm[r, c] / hsdmScale);
            }
            rows[Residues.Standard[r]] = row;
        }
        rows['B'] = Mean(rows, "DN");
        rows['Z'] = Mean(rows, "EQ");
        rows['J'] = Mean(rows, "IL");
        rows['X'] = Mean(rows, Residues.Standard);
        rows['U'] = rows['C'];
        rows['O'] = rows['K'];
        return rows;
    }

    static float[] Mean(float[][] rows, string residues)
    {
        var mean = new float[Features];
        foreach (char c in residues)
            for (int j = 0; j < Features; j++) mean[j] += rows[c][j] / residues.Length;
        return mean;
    }

    static float MaxAbs(int[,] m) { float max = 0; foreach (int v in m) max = Math.Max(max, Math.Abs(v)); return max; }
    static float MaxAbs(double[,] m) { double max = 0; foreach (double v in m) max = Math.Max(max, Math.Abs(v)); return (float)max; }
}
