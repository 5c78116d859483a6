using System.Globalization;

namespace LocSharp.Profiles;

/// <summary>
/// Profiles with MMseqs2, with exactly the commands of <c>../shared/tools/make-profiles.sh</c>: createdb of the
/// queries; search with 3 iterations, E-value 0.001, sensitivity 7.5; result2profile; profile2pssm. The scores are
/// profile2pssm's integers; each row's residue is the query's own (profile2pssm's second column is the profile's
/// consensus, not the query residue), its position profile2pssm's from 0.
/// </summary>
internal sealed class MmseqsProfiler(ExternalProgram programs, ProfileDatabase database, int threads) : IProfiler
{
    /// <summary>The search settings, as make-profiles.sh passes them.</summary>
    public static readonly string[] SearchSettings = ["--num-iterations", "3", "-e", "0.001", "-s", "7.5"];

    readonly string _version = programs.Run("mmseqs", ["version"]).Trim();

    public string Settings => $"MMseqs2 {_version}: search {string.Join(' ', SearchSettings)}, result2profile, profile2pssm scores";

    public int ChunkSize { get; init; } = 100;

    public IReadOnlyList<Profile> Compute(IReadOnlyList<string> sequences, string work, CancellationToken cancellation)
    {
        string Work(string name) => Path.Combine(work, name);
        File.WriteAllLines(Work("q.fasta"), sequences.SelectMany((s, i) => new[] { $">s{i}", s }));
        string t = threads.ToString(CultureInfo.InvariantCulture);
        programs.Run("mmseqs", ["createdb", Work("q.fasta"), Work("q")], cancellation);
        programs.Run("mmseqs", ["search", Work("q"), database.Path, Work("res"), Work("tmp"), .. SearchSettings, "--threads", t], cancellation);
        programs.Run("mmseqs", ["result2profile", Work("q"), database.Path, Work("res"), Work("prof"), "--threads", t], cancellation);
        programs.Run("mmseqs", ["profile2pssm", Work("prof"), Work("pssm"), "--threads", t], cancellation);
        return Parse(Work("pssm"), Work("q.lookup"), sequences);
    }

    /// <summary>Reads profile2pssm's text output: per query a line "Query profile of sequence KEY", a header
    /// "Pos Cns A C D ... Y", then a row per position (from 0): position, consensus, 20 scores.</summary>
    static IReadOnlyList<Profile> Parse(string pssm, string lookup, IReadOnlyList<string> sequences)
    {
        var indexOfKey = File.ReadLines(lookup).Select(l => l.Split('\t')).ToDictionary(f => f[0], f => int.Parse(f[1][1..], CultureInfo.InvariantCulture));
        var scores = sequences.Select(s => new sbyte[s.Length * Profile.Columns]).ToArray();
        var rows = new int[sequences.Count];
        string expected = "Pos Cns " + string.Join(' ', ProfileTsvReader.ScoreColumns.ToCharArray());
        int[] toStandard = ProfileTsvReader.ScoreColumns.Select(Sequences.Residues.StandardIndex).ToArray();
        int current = -1;
        long number = 0;
        foreach (string raw in File.ReadLines(pssm))
        {
            number++;
            string line = raw.Trim('\0', '\r');
            if (line.Length == 0) continue;
            if (line.StartsWith("Query profile of sequence", StringComparison.Ordinal))
            {
                current = indexOfKey[line.Split(' ')[^1]];
                continue;
            }
            string[] f = line.Split('\t');
            if (f[0] == "Pos")
            {
                if (string.Join(' ', f) != expected) throw Malformed(pssm, number, $"expected the header '{expected}', found '{line}'");
                continue;
            }
            if (current < 0 || f.Length != 2 + Profile.Columns || !int.TryParse(f[0], out int position) || position != rows[current] || position >= sequences[current].Length)
                throw Malformed(pssm, number, $"unexpected line '{line}'");
            for (int j = 0; j < Profile.Columns; j++)
                scores[current][position * Profile.Columns + toStandard[j]] = Profile.Clamp(int.Parse(f[2 + j], CultureInfo.InvariantCulture));
            rows[current]++;
        }
        for (int i = 0; i < sequences.Count; i++)
            if (rows[i] != sequences[i].Length)
                throw new ProfileToolException($"mmseqs profile2pssm gave {rows[i]} rows for a sequence of {sequences[i].Length} residues ({pssm}).");
        return sequences.Select((s, i) => new Profile(s, scores[i])).ToList();
    }

    static ProfileToolException Malformed(string file, long line, string problem) =>
        new($"mmseqs profile2pssm wrote something unexpected ({file}, line {line}): {problem}.");
}
