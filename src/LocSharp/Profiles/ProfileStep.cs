using LocSharp.Encoding;
using LocSharp.Sequences;

namespace LocSharp.Profiles;

/// <summary>
/// The profile step: a profile for every protein, computed with MMseqs2 or PSI-BLAST against a database, or taken
/// from the cache when the same sequence was profiled before with the same tool, settings and database
/// (<see cref="ProfileCache"/>). Work goes in chunks of <see cref="ProfileStepOptions.ChunkSize"/> distinct
/// sequences, each cached as soon as it is done, so a run killed half-way resumes where it stopped.
/// </summary>
public static class ProfileStep
{
    /// <param name="database">A protein FASTA, an MMseqs2 database or a BLAST database (see <see cref="ProfileDatabase"/>).</param>
    /// <param name="log">Messages: the database build, each chunk.</param>
    /// <param name="progress">Called before the first chunk and after each with the distinct sequences computed so far and
    /// the number to compute.</param>
    /// <exception cref="ProfileToolException">The tool is missing or fails, or the database is not a protein database.</exception>
    public static ProfileStepResult Run(string database, IEnumerable<FastaRecord> proteins, ProfileStepOptions options,
        Action<string>? log = null, Action<int, int>? progress = null, CancellationToken cancellation = default)
    {
        int threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
        var programs = new ExternalProgram(options.Tool, options.ToolDirectory);
        var records = proteins.Select(r => (r.Id, Sequence: r.Sequence.ToUpperInvariant())).ToList();
        var prepared = ProfileDatabase.Prepare(database, options.Tool, options.CacheDirectory, programs, threads, options.DatabaseName, log, cancellation);
        IProfiler profiler = options.Tool == ProfileTool.Mmseqs
            ? new MmseqsProfiler(programs, prepared, threads) { ChunkSize = options.ChunkSize ?? 100 }
            : new PsiBlastProfiler(programs, prepared, threads) { ChunkSize = options.ChunkSize ?? 1 };
        var cache = new ProfileCache(options.CacheDirectory, $"{options.Tool.Name()}\n{profiler.Settings}\n{prepared.Identity}");

        var found = new Dictionary<string, Profile>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (string sequence in records.Select(r => r.Sequence).Distinct(StringComparer.Ordinal))
        {
            if (!options.Recompute && cache.TryGet(sequence) is { } profile) found[sequence] = profile;
            else missing.Add(sequence);
        }
        int cached = found.Count;
        if (missing.Count > 0)
        {
            log?.Invoke($"{cached} of {cached + missing.Count} distinct sequences from the cache ({cache.Folder}); computing {missing.Count} with {options.Tool.Name()}");
            progress?.Invoke(0, missing.Count);
        }

        for (int start = 0; start < missing.Count; start += profiler.ChunkSize)
        {
            cancellation.ThrowIfCancellationRequested();
            var chunk = missing.GetRange(start, Math.Min(profiler.ChunkSize, missing.Count - start));
            string work = Path.Combine(Path.GetTempPath(), $"locsharp-profile-{Guid.NewGuid():N}");
            Directory.CreateDirectory(work);
            try
            {
                var profiles = profiler.Compute(chunk, work, cancellation);
                for (int i = 0; i < chunk.Count; i++)
                {
                    cache.Put(chunk[i], profiles[i]);
                    found[chunk[i]] = profiles[i];
                }
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
            log?.Invoke($"computed {start + chunk.Count} of {missing.Count}");
            progress?.Invoke(start + chunk.Count, missing.Count);
        }

        var recipe = new ProfileRecipe(options.Tool.Name(), profiler.Settings, prepared.Name, prepared.Sequences, ResidueEncoder.ProfileScaling);
        return new ProfileStepResult(records.Select(r => (r.Id, found[r.Sequence])).ToList(), recipe, missing.Count, cached);
    }
}
