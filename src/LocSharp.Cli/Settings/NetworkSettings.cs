using LocSharp.Cli.Infrastructure;
using System.ComponentModel;
using LocSharp.Models;
using LocSharp.Profiles;
using LocSharp.Sequences;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Settings;

/// <summary>Options every verb that runs a network shares: threads, and the proteins' evolutionary profiles.</summary>
public class NetworkSettings : CommandSettings
{
    [CommandOption("--threads <N>")]
    [Description("CPU threads for the network (0 = one per core).")]
    [DefaultValue(0)]
    public int Threads { get; init; }

    [CommandOption("--profiles <FILE>")]
    [Description("Precomputed profiles of the proteins: LocSharp's profile TSV (plain or gzip), a PSI-BLAST ASCII PSSM (ID.pssm) or a folder of them; repeat for several. Needed by profile models.")]
    public string[] Profiles { get; init; } = [];

    [CommandOption("--db <DATABASE>")]
    [Description("Instead of --profiles, compute the profiles on the fly against this protein database (FASTA, MMseqs2 or BLAST database), as `locsharp profile` does, cached.")]
    public string? Database { get; init; }

    [CommandOption("--profile-tool <TOOL>")]
    [Description("The tool for --db: mmseqs or psiblast. Default: the one the model's profiles were made with.")]
    public string? ProfileTool { get; init; }

    public override ValidationResult Validate() =>
        Infrastructure.Threads.Check(Threads) is string error ? ValidationResult.Error(error) : base.Validate();

    /// <summary>The profiles given, or null when none were.</summary>
    public ProfileSet? LoadProfiles() => Profiles.Length == 0 ? null : ProfileReader.Read(Profiles);

    /// <summary>The --profiles for <paramref name="model"/>: required by a profile model, warned about and ignored
    /// by one without profiles.</summary>
    /// <exception cref="ProfileFormatException">A profile model was given no profiles (the message says how to get them).</exception>
    /// <param name="proteins">The proteins the model will see, profiled with --db.</param>
    public ProfileSet? ProfilesFor(TrainedModel model, string modelPath, Infrastructure.CliEnvironment environment,
        IEnumerable<FastaRecord>? proteins = null, CancellationToken cancellation = default)
    {
        if (!model.NeedsProfiles)
        {
            if (Profiles.Length > 0 || Database != null)
                environment.Error.WriteLine($"warning: {modelPath} reads no profiles; {(Database != null ? "--db" : "--profiles")} is ignored.");
            return null;
        }
        if (Database != null)
        {
            if (Profiles.Length > 0) throw new UsageException("Give --profiles or --db, not both.");
            if (proteins == null) throw new UsageException("--db is not available here; make the profiles with locsharp profile and give them with --profiles.");
            var tool = LocSharp.Profiles.ProfileTools.Parse(ProfileTool ?? model.Profiles?.Tool ?? "mmseqs");
            if (model.Profiles != null && model.Profiles.Tool != tool.Name())
                environment.Error.WriteLine($"warning: {modelPath} was trained on profiles made with {model.Profiles.Tool}, not {tool.Name()}.");
            return ComputeProfiles(tool, proteins, environment, cancellation).ToSet(Database);
        }
        if (Profiles.Length == 0)
            throw new ProfileFormatException(modelPath, null, null, $"the model reads evolutionary profiles: give them with --profiles FILE (or compute them with --db DATABASE), made with " +
                $"{model.Profiles?.ToString() ?? "the tool and database the model was trained with"} (locsharp profile INPUT --db DATABASE -o FILE makes them).");
        return LoadProfiles();
    }

    /// <summary>The profiles of <paramref name="proteins"/> made by the profile step with <paramref name="tool"/>
    /// against --db, as `locsharp profile` makes them (cached).</summary>
    protected ProfileStepResult ComputeProfiles(ProfileTool tool, IEnumerable<FastaRecord> proteins, Infrastructure.CliEnvironment environment,
        CancellationToken cancellation) =>
        ProfileStep.Run(Database ?? throw new InvalidOperationException("no --db given"), proteins, new ProfileStepOptions { Tool = tool, Threads = Threads },
            message => environment.Error.WriteLine(message), cancellation: cancellation);
}
