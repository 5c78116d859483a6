using LocSharp.Sequences;
using Xunit.Abstractions;

namespace LocSharp.Tests.Profiles;

/// <summary>
/// A protein database of a few dozen sequences, written by the test: three query families (each query and eight
/// variants of it with a quarter of the residues changed), twelve unrelated sequences, and queries including one
/// with no relative in the database and one repeated under a second ID.
/// </summary>
static class TinyDatabase
{
    const string Amino = "ACDEFGHIKLMNPQRSTVWY";

    public static (string Fasta, IReadOnlyList<FastaRecord> Queries) Write(string directory)
    {
        var random = new Random(20261203);
        string Random(int length) => new(Enumerable.Range(0, length).Select(_ => Amino[random.Next(20)]).ToArray());
        var families = Enumerable.Range(0, 3).Select(i => Random(90 + 15 * i)).ToList();
        var database = new List<string>();
        foreach (string query in families)
            for (int k = 0; k < 8; k++)
                database.Add(new string(query.Select(c => random.NextDouble() < 0.25 ? Amino[random.Next(20)] : c).ToArray()));
        for (int k = 0; k < 12; k++) database.Add(Random(100));
        string fasta = Path.Combine(directory, "tiny.fasta");
        File.WriteAllLines(fasta, database.SelectMany((s, i) => new[] { $">db{i}", s }));
        var queries = families.Select((s, i) => new FastaRecord($"family{i}", "", s, 0))
            .Append(new FastaRecord("lonely", "", Random(70), 0))
            .Append(new FastaRecord("family0-again", "", families[0], 0))
            .ToList();
        return (fasta, queries);
    }

    /// <summary>Whether <paramref name="program"/> is on the PATH; if not, says so in the test output (passing) or,
    /// on CI (<c>CI=true</c>), fails: CI installs the tools (.ci/run).</summary>
    public static bool Installed(string program, ITestOutputHelper output)
    {
        bool found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));
        if (found) return true;
        string note = $"{program} is not installed (Debian packages mmseqs2 and ncbi-blast+)";
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(note + ", and CI must have it.");
        output.WriteLine($"Skipped: {note}.");
        return false;
    }
}
