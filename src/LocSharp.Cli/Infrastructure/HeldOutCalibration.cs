using LocSharp.Calibration;
using LocSharp.Data;
using LocSharp.Models;
using LocSharp.Profiles;

namespace LocSharp.Cli.Infrastructure;

/// <summary>
/// `--calibration-data` of `train` and `ensemble`: labelled proteins held out from training, read before any work
/// starts (so a bad file fails at once, not after hours of training), on which the finished model's temperature is
/// fitted.
/// </summary>
public sealed class HeldOutCalibration(LabelledDataSet data)
{
    /// <summary>Reads <paramref name="path"/> (either labelled layout), leaving out proteins whose location the model
    /// will not predict (saying how many); null when no path was given.</summary>
    public static HeldOutCalibration? Read(string? path, IReadOnlyList<string> locations, CliEnvironment environment) =>
        path == null ? null : new HeldOutCalibration(KnownLocations.Restrict(LabelledDataReader.Read(path), locations, environment.Error.WriteLine));

    /// <summary>The held-out proteins.</summary>
    public IReadOnlyList<LabelledProtein> Proteins => data.Proteins;

    /// <summary>Fits <paramref name="model"/>'s temperature on the held-out proteins and stores it in the model.</summary>
    public void Apply(TrainedModel model, ProfileSet? profiles, CliEnvironment environment)
    {
        var fit = ProteinProgress.Run(environment, "calibrating", data.Proteins.Count,
            progress => ModelCalibrator.Fit(model, data, profiles: profiles, progress: progress));
        model.Calibration = fit.Calibration;
        foreach (string line in Describe(fit.Calibration)) environment.Error.WriteLine(line);
    }

    /// <summary>What a fit found, as `calibrate` prints it.</summary>
    public static IEnumerable<string> Describe(ModelCalibration c)
    {
        yield return $"temperature {c.Temperature:0.####} fitted on {c.Proteins} proteins of {c.FittedOn}: NLL {c.NllBefore:0.####} at 1, {c.NllAfter:0.####} at {c.Temperature:0.####}";
        if (c.MembraneTemperature is double t)
            yield return $"membrane temperature {t:0.####} fitted on {c.MembraneProteins} proteins flagged membrane-bound or soluble";
    }
}
