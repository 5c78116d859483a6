using System.Globalization;

namespace LocSharp.Profiles;

/// <summary>
/// Profiles with PSI-BLAST (NCBI BLAST+), one protein per run: 3 iterations, E-value 0.001 for reporting and for
/// inclusion in the profile, the PSSM after the last round, the ASCII PSSM's log-odds scores (its first 20 score
/// columns). A protein with no hit gets the PSSM PSI-BLAST makes from the query alone (searching the query against
/// itself), since a search without hits writes none.
/// </summary>
internal sealed class PsiBlastProfiler(ExternalProgram programs, ProfileDatabase database, int threads) : IProfiler
{
    public static readonly string[] SearchSettings =
        ["-num_iterations", "3", "-evalue", "0.001", "-inclusion_ethresh", "0.001", "-save_pssm_after_last_round"];

    readonly string _version = programs.Run("psiblast", ["-version"]).Split('\n')[0].Replace("psiblast:", "").Trim();

    public string Settings => $"PSI-BLAST {_version}: {string.Join(' ', SearchSettings)}, ASCII PSSM log-odds scores";

    public int ChunkSize { get; init; } = 1;

    public IReadOnlyList<Profile> Compute(IReadOnlyList<string> sequences, string work, CancellationToken cancellation) =>
        sequences.Select((s, i) => One(s, Path.Combine(work, $"s{i}"), cancellation)).ToList();

    Profile One(string sequence, string stem, CancellationToken cancellation)
    {
        string query = stem + ".fasta", pssm = stem + ".pssm";
        File.WriteAllText(query, $">query\n{sequence}\n");
        string[] common = ["-query", query, "-out_ascii_pssm", pssm, "-out", stem + ".hits", "-num_threads", threads.ToString(CultureInfo.InvariantCulture)];
        programs.Run("psiblast", [.. common, "-db", database.Path, .. SearchSettings], cancellation);
        if (!File.Exists(pssm)) programs.Run("psiblast", [.. common, "-subject", query, "-save_pssm_after_last_round"], cancellation);
        if (!File.Exists(pssm)) throw new ProfileToolException($"psiblast wrote no PSSM for the sequence in {query}, even against itself.");
        Profile read;
        using (var reader = File.OpenText(pssm)) read = PsiBlastPssmReader.Read(reader, pssm, "query");
        if (read.Length != sequence.Length)
            throw new ProfileToolException($"psiblast's PSSM {pssm} has {read.Length} rows for a sequence of {sequence.Length} residues.");
        return new Profile(sequence, read.Scores);
    }
}
