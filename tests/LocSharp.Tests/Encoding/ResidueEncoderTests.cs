using LocSharp.Profiles;
using System.Globalization;
using LocSharp.Encoding;
using LocSharp.Sequences;
using Xunit.Abstractions;

namespace LocSharp.Tests.Encoding;

public class ResidueEncoderTests(ITestOutputHelper output)
{
    const string Standard = Residues.Standard;
    const int Blosum = 20, Hsdm = 40;

    /// <summary>A whitespace-separated matrix file: a header row of column names, then rows "NAME v v v ...".</summary>
    static Dictionary<(char Row, char Column), double> ReadMatrix(string path)
    {
        var lines = File.ReadLines(path).Where(l => !l.StartsWith('#') && l.Trim().Length > 0).ToList();
        char[] columns = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => c.Single()).ToArray();
        var matrix = new Dictionary<(char, char), double>();
        foreach (string line in lines.Skip(1))
        {
            string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(columns.Length + 1, words.Length);
            for (int c = 0; c < columns.Length; c++)
                matrix[(words[0].Single(), columns[c])] = double.Parse(words[c + 1], CultureInfo.InvariantCulture);
        }
        return matrix;
    }

    [Fact]
    public void Embedded_BLOSUM80_equals_the_shared_matrix_file()
    {
        if (!SharedData.IsAvailable(output)) return;
        var file = ReadMatrix(SharedData.Path("data", "matrices", "BLOSUM80.txt"));
        Assert.Equal(24 * 24, file.Count); // the file also has B, J, Z, X rows and columns, which the encoder does not use
        for (int r = 0; r < 20; r++)
            for (int c = 0; c < 20; c++)
                Assert.True(file[(Standard[r], Standard[c])] == SubstitutionMatrices.Blosum80[r, c],
                    $"BLOSUM80[{Standard[r]},{Standard[c]}]: file {file[(Standard[r], Standard[c])]}, embedded {SubstitutionMatrices.Blosum80[r, c]}.");
    }

    [Fact]
    public void Embedded_HSDM_equals_the_shared_matrix_file()
    {
        if (!SharedData.IsAvailable(output)) return;
        var file = ReadMatrix(SharedData.Path("data", "matrices", "HSDM.txt"));
        Assert.Equal(20 * 20, file.Count);
        for (int r = 0; r < 20; r++)
            for (int c = 0; c < 20; c++)
                Assert.True(file[(Standard[r], Standard[c])] == SubstitutionMatrices.Hsdm[r, c],
                    $"HSDM[{Standard[r]},{Standard[c]}]: file {file[(Standard[r], Standard[c])]}, embedded {SubstitutionMatrices.Hsdm[r, c]}.");
    }

    [Fact]
    public void Embedded_matrices_are_symmetric()
    {
        for (int r = 0; r < 20; r++)
            for (int c = 0; c < 20; c++)
            {
                Assert.Equal(SubstitutionMatrices.Blosum80[r, c], SubstitutionMatrices.Blosum80[c, r]);
                Assert.Equal(SubstitutionMatrices.Hsdm[r, c], SubstitutionMatrices.Hsdm[c, r]);
            }
    }

    [Fact]
    public void A_standard_residue_is_one_hot_then_BLOSUM80_over_11_then_HSDM_over_19_05()
    {
        for (int r = 0; r < 20; r++)
        {
            var row = ResidueEncoder.Row(Standard[r]);
            Assert.Equal(ResidueEncoder.Features, row.Length);
            for (int c = 0; c < 20; c++)
            {
                Assert.Equal(r == c ? 1f : 0f, row[c]);
                Assert.Equal(SubstitutionMatrices.Blosum80[r, c] / 11.0, row[Blosum + c], 1e-6);
                Assert.Equal(SubstitutionMatrices.Hsdm[r, c] / 19.05, row[Hsdm + c], 1e-6);
            }
        }
        Assert.Equal(5f / 11f, ResidueEncoder.Row('A')[Blosum + 0]);
        Assert.Equal(-11.46 / 19.05, ResidueEncoder.Row('W')[Hsdm + Standard.IndexOf('P')], 1e-6);
    }

    [Fact]
    public void Every_feature_of_every_code_lies_in_minus_one_to_one_and_each_matrix_reaches_one_only_on_its_largest_entry()
    {
        foreach (char code in Residues.All)
            foreach (float value in ResidueEncoder.Row(code).ToArray())
                Assert.InRange(value, -1f, 1f);

        // |BLOSUM80| peaks at W/W (11), |HSDM| at C/C (19.05): exactly 1 there and below 1 everywhere else.
        for (int r = 0; r < 20; r++)
        {
            var row = ResidueEncoder.Row(Standard[r]);
            for (int c = 0; c < 20; c++)
            {
                bool blosumPeak = Standard[r] == 'W' && Standard[c] == 'W', hsdmPeak = Standard[r] == 'C' && Standard[c] == 'C';
                if (blosumPeak) Assert.Equal(1f, row[Blosum + c]);
                else Assert.True(Math.Abs(row[Blosum + c]) < 1f, $"BLOSUM feature {Standard[r]}/{Standard[c]} = {row[Blosum + c]}");
                if (hsdmPeak) Assert.Equal(1f, row[Hsdm + c]);
                else Assert.True(Math.Abs(row[Hsdm + c]) < 1f, $"HSDM feature {Standard[r]}/{Standard[c]} = {row[Hsdm + c]}");
            }
        }
    }

    [Theory]
    [InlineData('B', "DN")]
    [InlineData('Z', "EQ")]
    [InlineData('J', "IL")]
    [InlineData('X', Residues.Standard)]
    public void An_ambiguous_code_is_the_mean_of_the_residues_it_may_stand_for(char code, string residues)
    {
        var row = ResidueEncoder.Row(code);
        for (int j = 0; j < ResidueEncoder.Features; j++)
        {
            double mean = residues.Average(r => (double)ResidueEncoder.Row(r)[j]);
            Assert.True(Math.Abs(mean - row[j]) < 1e-6, $"{code} feature {j}: expected {mean}, got {row[j]}.");
        }
        // The one-hot part spreads one unit over the residues.
        Assert.Equal(1.0, ResidueEncoder.Row(code)[..20].ToArray().Sum(), 1e-6);
    }

    [Theory]
    [InlineData('U', 'C')]
    [InlineData('O', 'K')]
    public void Selenocysteine_is_encoded_as_cysteine_and_pyrrolysine_as_lysine(char code, char standIn) =>
        Assert.Equal(ResidueEncoder.Row(standIn).ToArray(), ResidueEncoder.Row(code).ToArray());

    [Fact]
    public void Lower_case_codes_encode_as_upper_case()
    {
        foreach (char code in Residues.All)
            Assert.Equal(ResidueEncoder.Row(code).ToArray(), ResidueEncoder.Row(char.ToLowerInvariant(code)).ToArray());
        Assert.Equal(ResidueEncoder.Encode("MKVLA"), ResidueEncoder.Encode("mkVla"));
    }

    [Fact]
    public void Encode_writes_one_row_per_residue_in_order()
    {
        float[] features = ResidueEncoder.Encode("WAX");
        Assert.Equal(3 * 60, features.Length);
        Assert.Equal(ResidueEncoder.Row('W').ToArray(), features[..60]);
        Assert.Equal(ResidueEncoder.Row('A').ToArray(), features[60..120]);
        Assert.Equal(ResidueEncoder.Row('X').ToArray(), features[120..]);
    }

    [Fact]
    public void With_a_profile_each_row_has_80_features_the_logistic_of_the_scores_in_the_last_20()
    {
        var scores = new sbyte[40];
        for (int j = 0; j < 40; j++) scores[j] = (sbyte)(j - 20);
        var profile = new Profile("MK", scores);

        float[] features = ResidueEncoder.Encode("MK", ResidueEncoder.Features + ResidueEncoder.ProfileFeatures, profile);

        Assert.Equal(2 * 80, features.Length);
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(ResidueEncoder.Row("MK"[i]).ToArray(), features[(i * 80)..(i * 80 + 60)]);
            for (int j = 0; j < 20; j++)
            {
                int score = i * 20 + j - 20;
                Assert.Equal(1 / (1 + Math.Exp(-score)), features[i * 80 + 60 + j], 6);
            }
        }
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(2, 0.8807970779778823)]
    [InlineData(-3, 0.04742587317756678)]
    public void Profile_scores_scale_by_the_logistic_function(int score, double expected) =>
        Assert.Equal(expected, ResidueEncoder.ProfileFeature(score), 12);

    [Fact]
    public void An_80_feature_encoding_without_a_fitting_profile_or_another_width_is_refused()
    {
        var missing = Assert.Throws<ArgumentException>(() => ResidueEncoder.Encode("MK", 80));
        Assert.Contains("needs", missing.Message);
        Assert.Throws<ArgumentException>(() => ResidueEncoder.Encode("MK", 80, new Profile("MKV", new sbyte[60])));
        Assert.Throws<ArgumentException>(() => ResidueEncoder.Encode("MK", 60, new Profile("MK", new sbyte[40])));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResidueEncoder.Encode("MK", 61));
    }

    [Theory]
    [InlineData('*')]
    [InlineData('-')]
    [InlineData('1')]
    [InlineData(' ')]
    [InlineData('é')]
    [InlineData('\u0100')]
    public void An_invalid_residue_code_is_an_error_naming_it_and_the_valid_codes(char code)
    {
        var error = Assert.Throws<ArgumentException>(() => ResidueEncoder.Row(code).ToArray());
        Assert.Contains($"'{code}' is not a residue code", error.Message);
        Assert.Contains(Residues.All, error.Message);
        Assert.Throws<ArgumentException>(() => ResidueEncoder.Encode($"MK{code}V"));
    }
}
