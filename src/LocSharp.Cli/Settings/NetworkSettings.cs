using System.ComponentModel;
using LocSharp.Models;
using LocSharp.Profiles;
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
    [Description("Precomputed profiles of the proteins (LocSharp's profile TSV, plain or gzip); repeat for several files. Needed by profile models.")]
    public string[] Profiles { get; init; } = [];

    public override ValidationResult Validate() =>
        Infrastructure.Threads.Check(Threads) is string error ? ValidationResult.Error(error) : base.Validate();

    /// <summary>The profiles given, or null when none were.</summary>
    public ProfileSet? LoadProfiles() => Profiles.Length == 0 ? null : ProfileTsvReader.Read(Profiles);

    /// <summary>The --profiles for <paramref name="model"/>: required by a profile model, warned about and ignored
    /// by one without profiles.</summary>
    /// <exception cref="ProfileFormatException">A profile model was given no profiles (the message says how to get them).</exception>
    public ProfileSet? ProfilesFor(TrainedModel model, string modelPath, Infrastructure.CliEnvironment environment)
    {
        if (!model.NeedsProfiles)
        {
            if (Profiles.Length > 0) environment.Error.WriteLine($"warning: {modelPath} reads no profiles; --profiles is ignored.");
            return null;
        }
        if (Profiles.Length == 0)
            throw new ProfileFormatException(modelPath, null, null, $"the model reads evolutionary profiles: give them with --profiles FILE, made with " +
                $"{model.Profiles?.ToString() ?? "the tool and database the model was trained with"} (locsharp profile INPUT --db DATABASE -o FILE makes them).");
        return LoadProfiles();
    }
}
