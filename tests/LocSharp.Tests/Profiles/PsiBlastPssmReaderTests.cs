using LocSharp.Profiles;

namespace LocSharp.Tests.Profiles;

public class PsiBlastPssmReaderTests
{
    const string Title = "\nLast position-specific scoring matrix computed, weighted observed percentages rounded down, information per position, and relative weight of gapless real matches to pseudocounts\n";
    const string Columns = "            A   R   N   D   C   Q   E   G   H   I   L   K   M   F   P   S   T   W   Y   V   A   R   N   D   C   Q   E   G   H   I   L   K   M   F   P   S   T   W   Y   V\n";
    const string Tail = "\n                      K         Lambda\nStandard Ungapped    0.1266     0.3150\n";

    // PSI-BLAST's layout: position, residue, 20 scores, 20 percentages, information, relative weight.
    static string Row(int position, char residue, params int[] scores) =>
        $"{position,5} {residue}   " + string.Join("", scores.Select(s => $"{s,4}")) + string.Concat(Enumerable.Repeat("   0", 20)) + "  0.52 0.04\n";

    static readonly int[] Counting = Enumerable.Range(1, 20).ToArray();
    static readonly int[] Negative = Enumerable.Range(1, 20).Select(i => -i).ToArray();

    static string Pssm(params string[] rows) => Title + Columns + string.Concat(rows) + Tail;

    [Fact]
    public void Reads_the_first_20_score_columns_in_the_headers_order()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("P1.pssm", Pssm(Row(1, 'M', Counting), Row(2, 'K', Negative)));
        var profile = PsiBlastPssmReader.ReadFile(file);
        Assert.Equal("MK", profile.Residues);
        Assert.Equal(Counting.Select(i => (sbyte)i), profile.Row(0).ToArray()); // the header is ARND..., the profile's own order
        Assert.Equal(Negative.Select(i => (sbyte)i), profile.Row(1).ToArray());
    }

    [Fact]
    public void Columns_in_another_order_are_reordered_and_written_in_the_tsv_order()
    {
        using var dir = new TempDirectory();
        string alphabetical = "            A   C   D   E   F   G   H   I   K   L   M   N   P   Q   R   S   T   V   W   Y\n";
        string file = dir.Write("P1.pssm", Title + alphabetical + Row(1, 'M', Counting));
        var profile = PsiBlastPssmReader.ReadFile(file);
        // Standard order A R N D C: A is column 1, R column 15, N 12, D 3, C 2.
        Assert.Equal(new sbyte[] { 1, 15, 12, 3, 2 }, profile.Row(0)[..5].ToArray());
        var text = new StringWriter();
        new ProfileTsvWriter(text).Write("P1", profile);
        Assert.EndsWith("P1\t1\tM\t" + string.Join('\t', Counting) + "\n", text.ToString());
    }

    [Fact]
    public void A_folder_gives_one_protein_per_file_named_by_the_file()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Path("pssms"));
        File.WriteAllText(dir.Path("pssms", "P1.pssm"), Pssm(Row(1, 'M', Counting)));
        File.WriteAllText(dir.Path("pssms", "sp.Q2.mtx"), Pssm(Row(1, 'A', Counting), Row(2, 'X', Counting)));
        File.WriteAllText(dir.Path("pssms", ".hidden"), "not a pssm");
        var set = ProfileReader.Read(dir.Path("pssms"));
        Assert.Equal(["P1", "sp.Q2"], set.Ids.Order());
        Assert.Equal(2, set.For("sp.Q2", "AO").Length); // PSI-BLAST writes pyrrolysine as X
    }

    [Fact]
    public void ProfileReader_tells_the_formats_apart_by_content()
    {
        using var dir = new TempDirectory();
        string pssm = dir.Write("P1.txt", Pssm(Row(1, 'M', Counting)));
        string tsv = dir.Write("p.pssm", ProfileTsvReader.Header + "\nP2\t1\tK\t" + string.Join('\t', Counting) + "\n");
        var set = ProfileReader.Read(pssm, tsv);
        Assert.Equal(1, set.For("P1", "M").Length);
        Assert.Equal(1, set.For("P2", "K").Length);
    }

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "", "P1.pssm, protein P1", "the file is empty" },
        { "id\tposition\tresidue\n", "line 1, protein P1", "expected a PSI-BLAST ASCII PSSM" },
        { Title, "protein P1", "no header of residue columns" },
        { Title + "            A   R   N   D\n" + Row(1, 'M', Counting), "line 3, protein P1", "expected a header of 20 columns" },
        { Title + Columns.Replace(" V   A", " B   A") + Row(1, 'M', Counting), "line 3, protein P1", "expected a header of 20 columns" },
        { Title + Columns.Replace("   R", "   A") + Row(1, 'M', Counting), "line 3, protein P1", "expected a header of 20 columns" },
        { Title + Columns + Tail, "protein P1", "no residue rows" },
        { Title + Columns + "    1 M    1   2   3\n", "line 4, protein P1", "found 5 columns" },
        { Title + Columns + Row(2, 'M', Counting), "line 4, protein P1", "expected position 1, found '2'" },
        { Title + Columns + Row(1, 'M', Counting) + Row(3, 'K', Counting), "line 5, protein P1", "expected position 2, found '3'" },
        { Title + Columns + Row(1, '1', Counting), "line 4, protein P1", "'1' is not a residue code" },
        { Title + Columns + Row(1, 'M', Counting).Replace("   7", " 7.5"), "line 4, protein P1", "score 7 ('7.5') is not an integer" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_pssms_are_refused_naming_file_line_and_protein(string content, string where, string problem)
    {
        using var dir = new TempDirectory();
        string file = dir.Write("P1.pssm", content);
        var error = Assert.Throws<ProfileFormatException>(() => PsiBlastPssmReader.ReadFile(file));
        Assert.StartsWith(file, error.Message);
        Assert.Contains(where, error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void An_empty_folder_and_a_profile_that_disagrees_with_its_sequence_are_named()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Path("empty"));
        var empty = Assert.Throws<ProfileFormatException>(() => ProfileReader.Read(dir.Path("empty")));
        Assert.Contains("holds no PSSM files", empty.Message);
        string file = dir.Write("P1.pssm", Pssm(Row(1, 'M', Counting), Row(2, 'K', Counting)));
        var wrong = Assert.Throws<ProfileFormatException>(() => ProfileReader.Read(file).For("P1", "MR"));
        Assert.Equal(file, wrong.File);
        Assert.Contains("protein P1: residue 2 is 'K' in the profile but 'R' in the sequence", wrong.Message);
    }
}
