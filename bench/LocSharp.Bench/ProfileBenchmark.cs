using System.ComponentModel;
using System.Diagnostics;
using LocSharp.Profiles;
using LocSharp.Sequences;
using Spectre.Console.Cli;

namespace LocSharp.Bench;

/// <summary>
/// Measures, in one run, the profile step's speed with MMseqs2 and with PSI-BLAST on the same proteins (a seeded
/// random sample of a data set) against one database, and prints their ratio. The tools' databases are built (or
/// found in the cache) before the clock starts; every profile is computed afresh (the profile cache is bypassed).
/// </summary>
public sealed class ProfileBenchmark : Command<ProfileBenchmark.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--db <DATABASE>")]
        [Description("Protein database: a FASTA (e.g. Swiss-Prot 2014 from ../shared/tools/swissprot2014-fasta.sh).")]
        public string Database { get; init; } = "";

        [CommandOption("--data <DIR>")]
        [Description("Folder of FASTA files to draw the proteins from.")]
        [DefaultValue("../shared/data/multiloc")]
        public string Data { get; init; } = "../shared/data/multiloc";

        [CommandOption("--proteins <N>")]
        [Description("Proteins to profile with MMseqs2 (drawn at random, seed 20261203).")]
        [DefaultValue(200)]
        public int Proteins { get; init; } = 200;

        [CommandOption("--psiblast-proteins <N>")]
        [Description("How many of the same proteins (the first N) to profile with PSI-BLAST. Default: all of them.")]
        public int? PsiblastProteins { get; init; }

        [CommandOption("--threads <N>")]
        [Description("Threads each tool uses.")]
        [DefaultValue(1)]
        public int Threads { get; init; } = 1;

        [CommandOption("--cache <DIR>")]
        [Description("Where the tools' databases are built once. Default: $XDG_CACHE_HOME/locsharp.")]
        public string? Cache { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Database) ? ValidationResult.Error("Give the database with --db <DATABASE>.") : ValidationResult.Success();
    }

    /// <summary>User + system CPU seconds of the child processes this process has waited for (Linux: /proc/self/stat
    /// cutime + cstime), i.e. the tools' own work, which wall time on a busy machine does not show.</summary>
    static double ChildCpuSeconds()
    {
        string stat = File.ReadAllText("/proc/self/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // fields from the 3rd (state) on
        const double ticksPerSecond = 100; // USER_HZ on Linux
        return (long.Parse(fields[13]) + long.Parse(fields[14])) / ticksPerSecond;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var all = Directory.GetFiles(settings.Data, "*.fasta").Order(StringComparer.Ordinal).SelectMany(FastaReader.Read).ToArray();
        new Random(20261203).Shuffle(all);
        var proteins = all.Take(settings.Proteins).ToList();
        var psiblast = proteins.Take(settings.PsiblastProteins ?? proteins.Count).ToList();
        string cache = settings.Cache ?? ProfileStepOptions.DefaultCacheDirectory();
        Console.WriteLine($"database {settings.Database}; {proteins.Count} proteins of {settings.Data} ({proteins.Sum(p => p.Sequence.Length)} residues), " +
            $"the first {psiblast.Count} of them ({psiblast.Sum(p => p.Sequence.Length)} residues) for PSI-BLAST; {settings.Threads} thread(s) per tool");

        (double Wall, double Cpu) Measure(ProfileTool tool, IReadOnlyList<FastaRecord> input)
        {
            var options = new ProfileStepOptions { Tool = tool, Threads = settings.Threads, CacheDirectory = cache, Recompute = true };
            ProfileStep.Run(settings.Database, [], options, Console.WriteLine, cancellation: cancellation); // builds the database, untimed
            double cpu = ChildCpuSeconds();
            var clock = Stopwatch.StartNew();
            var result = ProfileStep.Run(settings.Database, input, options, cancellation: cancellation);
            double seconds = clock.Elapsed.TotalSeconds;
            cpu = ChildCpuSeconds() - cpu;
            Console.WriteLine($"{tool.Name()} ({result.Recipe.Settings}): {result.Computed} proteins in {seconds:F1} s, {result.Computed / seconds:F3} proteins/s; " +
                $"the tool's CPU time {cpu:F1} s, {result.Computed / cpu:F3} proteins per CPU second");
            return (result.Computed / seconds, result.Computed / cpu);
        }

        var mmseqs = Measure(ProfileTool.Mmseqs, proteins);
        var blast = Measure(ProfileTool.Psiblast, psiblast);
        Console.WriteLine($"MMseqs2 / PSI-BLAST proteins/s: {mmseqs.Wall / blast.Wall:F1}x (wall time), {mmseqs.Cpu / blast.Cpu:F1}x (the tools' CPU time)");
        return 0;
    }
}
