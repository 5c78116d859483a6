using LocSharp.Profiles;

namespace LocSharp.Tests.Profiles;

public class ProfileSetTests
{
    static ProfileSet One(string id, string residues)
    {
        var set = new ProfileSet();
        set.AddSource("f.tsv");
        set.Add(id, new Profile(residues, new sbyte[residues.Length * 20]), "f.tsv");
        return set;
    }

    [Fact]
    public void A_missing_protein_is_named_with_the_files_searched()
    {
        var error = Assert.Throws<ProfileFormatException>(() => One("P1", "MK").For("P2", "MK"));
        Assert.Equal("P2", error.Protein);
        Assert.Contains("f.tsv", error.Message);
        Assert.Contains("no profile for this protein", error.Message);
    }

    [Fact]
    public void Residues_that_disagree_with_the_sequence_are_refused()
    {
        var error = Assert.Throws<ProfileFormatException>(() => One("P1", "MKL").For("P1", "MKV"));
        Assert.Contains("residue 3 is 'L' in the profile but 'V' in the sequence", error.Message);
        Assert.Equal("f.tsv", error.File);
        error = Assert.Throws<ProfileFormatException>(() => One("P1", "MK").For("P1", "MKV"));
        Assert.Contains("the profile has 2 residues, the sequence 3", error.Message);
    }

    [Fact]
    public void Lower_case_sequences_match_and_psiblast_X_stands_for_pyrrolysine_only()
    {
        Assert.Equal(3, One("P1", "MXK").For("P1", "mok").Length);
        Assert.Throws<ProfileFormatException>(() => One("P1", "MXK").For("P1", "MAK"));
    }
}
