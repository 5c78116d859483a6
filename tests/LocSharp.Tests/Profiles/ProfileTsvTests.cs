using System.IO.Compression;
using LocSharp.Profiles;

namespace LocSharp.Tests.Profiles;

public class ProfileTsvTests
{
    static readonly string Header = ProfileTsvReader.Header;

    // Row "M": A=1, C=2, ..., Y=20 in the file's (alphabetical) column order.
    static string Row(string id, int position, char residue, int offset = 0) =>
        $"{id}\t{position}\t{residue}\t" + string.Join('\t', Enumerable.Range(1 + offset, 20)) + "\n";

    [Fact]
    public void Reads_scores_into_the_standard_residue_order()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("p.tsv", Header + "\n" + Row("P1", 1, 'M') + Row("P1", 2, 'k', 120) + Row("P2", 1, 'A'));
        var set = ProfileTsvReader.Read(file);
        Assert.Equal(2, set.Count);
        var p1 = set.For("P1", "MK");
        Assert.Equal("MK", p1.Residues);
        // Standard order A R N D C ...: A is the file's column 1, R its 15th (ACDEFGHIKLMNPQ R), N its 12th, D its 3rd, C its 2nd.
        Assert.Equal(new sbyte[] { 1, 15, 12, 3, 2 }, p1.Row(0)[..5].ToArray());
        // Row 2 holds 121..140: A = 121 fits a profile's range; V (the file's 18th column, 138) is clamped to 127.
        Assert.Equal((sbyte)121, p1.Row(1)[0]);
        Assert.Equal((sbyte)127, p1.Row(1)[19]);
    }

    [Fact]
    public void Writer_output_reads_back_the_same_and_gzip_is_detected()
    {
        using var dir = new TempDirectory();
        var scores = Enumerable.Range(0, 60).Select(i => (sbyte)(i - 30)).ToArray();
        var profile = new Profile("MKX", scores);
        string plain = dir.Path("p.tsv"), gz = dir.Path("p.tsv.gz");
        using (var text = new StreamWriter(plain)) new ProfileTsvWriter(text).Write("Q1", profile);
        using (var file = File.Create(gz))
        using (var zip = new GZipStream(file, CompressionLevel.Fastest))
        using (var text = new StreamWriter(zip)) new ProfileTsvWriter(text).Write("Q1", profile);
        Assert.StartsWith(Header + "\n", File.ReadAllText(plain));
        foreach (string path in new[] { plain, gz })
        {
            var read = ProfileTsvReader.Read(path).For("Q1", "MKX");
            Assert.Equal(scores, read.Scores);
        }
    }

    [Theory]
    [InlineData("", "line 1", "the file is empty")]
    [InlineData("id\tpos\tresidue\n", "line 1", "expected the header")]
    [InlineData("HEADER\nP1\t1\tM\t1\t2\n", "line 2, protein P1", "expected 23 tab-separated columns")]
    [InlineData("HEADER\nP1\t2\tM\tSCORES\n", "line 2, protein P1", "expected position 1, found '2'")]
    [InlineData("HEADER\nP1\t1\tM\tSCORES\nP1\t3\tK\tSCORES\n", "line 3, protein P1", "expected position 2, found '3'")]
    [InlineData("HEADER\nP1\t1\t1\tSCORES\n", "line 2, protein P1", "'1' is not a residue code")]
    [InlineData("HEADER\nP1\t1\tM\tx\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\t13\t14\t15\t16\t17\t18\t19\t20\n", "line 2, protein P1", "the A score 'x' is not an integer")]
    [InlineData("HEADER\nP1\t1\tM\tSCORES\nP2\t1\tM\tSCORES\nP1\t1\tM\tSCORES\n", "protein P1", "already has a profile")]
    public void Malformed_files_are_refused_naming_file_line_and_protein(string content, string where, string problem)
    {
        using var dir = new TempDirectory();
        string scores = string.Join('\t', Enumerable.Range(1, 20));
        string file = dir.Write("bad.tsv", content.Replace("HEADER", Header).Replace("SCORES", scores));
        var error = Assert.Throws<ProfileFormatException>(() => ProfileTsvReader.Read(file));
        Assert.StartsWith(file, error.Message);
        Assert.Contains(where, error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ProfileTsvReader.Read("/nonexistent/p.tsv"));
        Assert.Contains("/nonexistent/p.tsv", error.Message);
    }
}
