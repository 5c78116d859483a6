using LocSharp.Profiles;
using Xunit.Abstractions;

namespace LocSharp.Tests.Profiles;

/// <summary>The profile step for real, with MMseqs2 and PSI-BLAST on a database the test writes.</summary>
public class ProfileStepTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(ProfileTool.Mmseqs, "mmseqs")]
    [InlineData(ProfileTool.Psiblast, "psiblast")]
    public void Computes_each_sequence_once_resumes_after_an_interruption_and_then_computes_nothing(ProfileTool tool, string program)
    {
        if (!TinyDatabase.Installed(program, output)) return;
        using var dir = new TempDirectory();
        var (database, queries) = TinyDatabase.Write(dir.Root);
        var options = new ProfileStepOptions { Tool = tool, Threads = 2, CacheDirectory = dir.Path("cache"), ChunkSize = 2 };

        // Interrupted after the first chunk of two of the four distinct sequences.
        using var interrupt = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => ProfileStep.Run(database, queries, options,
            progress: (done, _) => { if (done >= 2) interrupt.Cancel(); }, cancellation: interrupt.Token));

        var reported = new List<(int Done, int Total)>();
        var resumed = ProfileStep.Run(database, queries, options, progress: (done, total) => reported.Add((done, total)));
        Assert.Equal((2, 2), (resumed.Computed, resumed.Cached));
        Assert.Equal([(0, 2), (2, 2)], reported); // what is left to compute, before the first chunk and after each
        var again = ProfileStep.Run(database, queries, options);
        Assert.Equal((0, 4), (again.Computed, again.Cached));

        Assert.Equal(queries.Select(q => q.Id), resumed.Profiles.Select(p => p.Id));
        for (int i = 0; i < queries.Count; i++)
        {
            var profile = resumed.Profiles[i].Profile;
            Assert.Equal(queries[i].Sequence, profile.Residues);
            Assert.Equal(profile.Scores, again.Profiles[i].Profile.Scores);
        }
        Assert.Equal(resumed.Profiles[0].Profile.Scores, resumed.Profiles[4].Profile.Scores); // the same sequence twice
        Assert.Equal(tool.Name(), resumed.Recipe.Tool);
        Assert.Equal(36, resumed.Recipe.DatabaseSequences);
        Assert.Equal("tiny.fasta", resumed.Recipe.Database);

        // A family's homologs make its profile position-specific: the same residue scores differently at different
        // positions somewhere, which a profile of the query alone with no homologs does not do (PSI-BLAST below).
        Assert.True(DiffersForSameResidue(resumed.Profiles[0].Profile));
    }

    [Fact]
    public void Psiblast_profiles_are_the_ascii_pssm_of_psiblast_run_by_hand_and_the_query_alone_without_hits()
    {
        if (!TinyDatabase.Installed("psiblast", output)) return;
        using var dir = new TempDirectory();
        var (database, queries) = TinyDatabase.Write(dir.Root);
        var result = ProfileStep.Run(database, queries.Take(1).Append(queries[3]),
            new ProfileStepOptions { Tool = ProfileTool.Psiblast, Threads = 1, CacheDirectory = dir.Path("cache") });

        // psiblast by hand, with the documented settings, on the BLAST database the step built.
        string db = Directory.GetDirectories(dir.Path("cache", "databases"), "psiblast-*").Single();
        File.WriteAllText(dir.Path("q.fasta"), $">family0\n{queries[0].Sequence}\n");
        var run = System.Diagnostics.Process.Start("psiblast", ["-query", dir.Path("q.fasta"), "-db", Path.Combine(db, "db"), "-num_iterations", "3",
            "-evalue", "0.001", "-inclusion_ethresh", "0.001", "-save_pssm_after_last_round", "-out_ascii_pssm", dir.Path("family0.pssm"), "-out", "/dev/null"]);
        run.WaitForExit();
        Assert.Equal(PsiBlastPssmReader.ReadFile(dir.Path("family0.pssm")).Scores, result.Profiles[0].Profile.Scores);

        // The protein without relatives: PSI-BLAST's PSSM of the query alone, the same row for the same residue.
        var lonely = result.Profiles[1].Profile;
        Assert.False(DiffersForSameResidue(lonely));
        Assert.True(lonely.Row(lonely.Residues.IndexOf('W'))[LocSharp.Sequences.Residues.StandardIndex('W')] >= 10);
    }

    [Theory]
    [InlineData(ProfileTool.Mmseqs, "mmseqs2")]
    [InlineData(ProfileTool.Psiblast, "ncbi-blast+")]
    public void A_missing_tool_names_its_debian_package(ProfileTool tool, string package)
    {
        using var dir = new TempDirectory();
        var (database, queries) = TinyDatabase.Write(dir.Root);
        var error = Assert.Throws<ProfileToolException>(() => ProfileStep.Run(database, queries,
            new ProfileStepOptions { Tool = tool, CacheDirectory = dir.Path("cache"), ToolDirectory = dir.Path("no-tools") }));
        Assert.Contains("is not installed", error.Message);
        Assert.Contains($"apt-get install {package}", error.Message);
    }

    [Fact]
    public void Nucleotide_databases_are_refused()
    {
        using var dir = new TempDirectory();
        var (_, queries) = TinyDatabase.Write(dir.Root);
        var options = new ProfileStepOptions { CacheDirectory = dir.Path("cache") };
        string dna = dir.Write("genes.fasta", ">g1\nACGTTGCAACGTAGCTAGCTAGGATCGATCGATTACG\n>g2\nTTGACGATCGATCGNNACGT\n");
        Assert.Contains("looks like nucleotide sequences", Assert.Throws<ProfileToolException>(() => ProfileStep.Run(dna, queries, options)).Message);

        File.WriteAllBytes(dir.Path("nuc.dbtype"), [1, 0, 0, 0]);
        File.WriteAllText(dir.Path("nuc.index"), "0\t0\t10\n");
        Assert.Contains("not an MMseqs2 protein sequence database", Assert.Throws<ProfileToolException>(() => ProfileStep.Run(dir.Path("nuc"), queries, options)).Message);

        File.WriteAllText(dir.Path("blastnuc.nin"), "");
        Assert.Contains("nucleotide BLAST database", Assert.Throws<ProfileToolException>(() => ProfileStep.Run(dir.Path("blastnuc"), queries, options)).Message);

        Assert.Contains("psiblast needs a BLAST database", Assert.Throws<ProfileToolException>(() =>
            ProfileStep.Run(dir.Path("nuc"), queries, options with { Tool = ProfileTool.Psiblast })).Message);
    }

    [Fact]
    public void A_failing_tool_shows_its_error_output()
    {
        if (!TinyDatabase.Installed("mmseqs", output)) return;
        using var dir = new TempDirectory();
        var (_, queries) = TinyDatabase.Write(dir.Root);
        File.WriteAllBytes(dir.Path("broken.dbtype"), [0, 0, 0, 0]); // says protein, but the data file is missing
        File.WriteAllText(dir.Path("broken.index"), "0\t0\t10\n");
        var error = Assert.Throws<ProfileToolException>(() => ProfileStep.Run(dir.Path("broken"), queries,
            new ProfileStepOptions { CacheDirectory = dir.Path("cache") }));
        output.WriteLine(error.Message);
        Assert.Matches(@"mmseqs search .* failed \(exit code \d+\):\n.*\S", error.Message);
        Assert.Contains("broken", error.Message.Split('\n', 2)[1]);
    }

    static bool DiffersForSameResidue(Profile profile)
    {
        var first = new Dictionary<char, int>();
        for (int i = 0; i < profile.Length; i++)
        {
            if (!first.TryAdd(profile.Residues[i], i) && !profile.Row(i).SequenceEqual(profile.Row(first[profile.Residues[i]]))) return true;
        }
        return false;
    }
}
