using System.ComponentModel;
using LocSharp.Cli.Infrastructure;
using LocSharp.Cli.Settings;
using LocSharp.Models;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Commands;

/// <summary>`locsharp ensemble`: one model file that averages its members' probabilities.</summary>
public sealed class EnsembleCommand(CliEnvironment environment) : Command<EnsembleCommand.Settings>
{
    public sealed class Settings : NetworkSettings
    {
        [CommandArgument(0, "<MODEL>")]
        [Description("Model files to join (two or more; ensembles may be members too).")]
        public string[] Members { get; init; } = [];

        [CommandOption("-o|--output <MODEL>")]
        [Description("Ensemble model file to write.")]
        public string Output { get; init; } = "";

        [CommandOption("--calibration-data <DATA>")]
        [Description("Labelled proteins none of the members trained on or chose an epoch on, in either layout: one temperature for the averaged output is fitted on them and stored in the ensemble (--profiles for profile members). Locations the members lack are left out. Default: no temperature.")]
        public string? CalibrationData { get; init; }

        public override ValidationResult Validate()
        {
            if (Members.Length < 2) return ValidationResult.Error("An ensemble needs at least two models.");
            if (string.IsNullOrWhiteSpace(Output)) return ValidationResult.Error("Give the file to write with -o|--output <MODEL>.");
            OutputGuard.IsWritableFilePath(Output, "-o|--output");
            OutputGuard.NotAnInput(Output, "-o|--output", [.. Members, CalibrationData]);
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var members = new List<TrainedModel>();
        try
        {
            foreach (string path in settings.Members) members.Add(ModelFile.Load(path));
            for (int i = 1; i < members.Count; i++)
            {
                try
                {
                    TrainedModel.CheckCompatible(members[0], members[i]);
                }
                catch (ArgumentException e)
                {
                    throw new ModelFileException(settings.Members[i], $"cannot join it with {settings.Members[0]}: {e.Message}");
                }
            }
            var ensemble = TrainedModel.Ensemble(members);
            if (HeldOutCalibration.Read(settings.CalibrationData, ensemble.Locations, environment) is { } calibration)
            {
                Threads.Configure(settings.Threads, environment);
                calibration.Apply(ensemble, settings.ProfilesFor(ensemble, settings.Output, environment), environment);
            }
            ModelFile.Save(ensemble, settings.Output);
            environment.Error.WriteLine($"wrote {settings.Output}: {ensemble.Networks.Count} networks over {ensemble.Locations.Count} locations");
        }
        finally
        {
            foreach (var member in members) member.Dispose();
        }
        return ExitCodes.Success;
    }
}
