using System.ComponentModel;
using LocSharp.Cli.Infrastructure;
using LocSharp.Profiles;
using LocSharp.Sequences;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Commands;

/// <summary>`locsharp profile`: an evolutionary profile for every protein of a FASTA file, with MMseqs2 or PSI-BLAST.</summary>
public sealed class ProfileCommand(CliEnvironment environment) : Command<ProfileCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<INPUT>")]
        [Description("FASTA file, plain or gzip, or - for standard input.")]
        public string Input { get; init; } = "";

        [CommandOption("--db <DATABASE>")]
        [Description("Protein database to search: a FASTA (plain or gzip; the tool's database is built once in the cache), or an existing MMseqs2 or BLAST database.")]
        public string Database { get; init; } = "";

        [CommandOption("-o|--output <PROFILES>")]
        [Description("Profiles file to write (LocSharp's profile TSV, gzip when it ends in .gz), with PROFILES.recipe.json beside it.")]
        public string Output { get; init; } = "";

        [CommandOption("--tool <TOOL>")]
        [Description("mmseqs (MMseqs2, Debian package mmseqs2) or psiblast (NCBI BLAST+, Debian package ncbi-blast+).")]
        [DefaultValue("mmseqs")]
        public string Tool { get; init; } = "mmseqs";

        [CommandOption("--threads <N>")]
        [Description("Threads the tool uses (0 = one per core).")]
        [DefaultValue(0)]
        public int Threads { get; init; }

        [CommandOption("--db-name <NAME>")]
        [Description("The database's name in the recipe (e.g. \"Swiss-Prot 2014_01\"). Default: its file name.")]
        public string? DatabaseName { get; init; }

        [CommandOption("--cache <DIR>")]
        [Description("Where built databases and computed profiles are kept. Default: $XDG_CACHE_HOME/locsharp, else ~/.cache/locsharp.")]
        public string? Cache { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Database)) return ValidationResult.Error("Give the database to search with --db <DATABASE> (a protein FASTA such as Swiss-Prot or UniRef50).");
            if (string.IsNullOrWhiteSpace(Output)) return ValidationResult.Error("Give the profiles file to write with -o|--output <PROFILES>.");
            OutputGuard.IsWritableFilePath(Output, "-o|--output");
            OutputGuard.NotAnInput(Output, "-o|--output", Input, Database);
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var options = new ProfileStepOptions
        {
            Tool = ProfileTools.Parse(settings.Tool), Threads = settings.Threads, DatabaseName = settings.DatabaseName,
            CacheDirectory = settings.Cache ?? ProfileStepOptions.DefaultCacheDirectory(),
        };
        var records = FastaReader.Read(environment.Input(settings.Input));
        var result = ProteinProgress.Run(environment, "profiling", null, progress => ProfileStep.Run(settings.Database, records, options,
            message => environment.Error.WriteLine(message), progress is ProteinProgress shown ? shown.Report : null, cancellation));
        result.Write(settings.Output);
        environment.Error.WriteLine($"wrote {settings.Output}: {result.Profiles.Count} proteins ({result.Computed} sequences computed, {result.Cached} from the cache); " +
            $"recipe in {ProfileRecipeFile.SidecarOf(settings.Output)}");
        return ExitCodes.Success;
    }
}
