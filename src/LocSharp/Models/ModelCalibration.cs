namespace LocSharp.Models;

/// <summary>
/// The temperature a model's location logits are divided by before the softmax (Guo et al. 2017, "On Calibration
/// of Modern Neural Networks"), fitted by minimising the negative log-likelihood of held-out proteins. An ensemble
/// has one temperature, applied to every member's logits, fitted on the averaged probabilities. Stored in
/// model.json; a file without it is uncalibrated (temperature 1).
/// </summary>
/// <param name="Temperature">Divides the location logits; above 1 softens over-confident probabilities.</param>
/// <param name="FittedOn">The held-out data the fit read (path, partitions, mapping).</param>
/// <param name="Proteins">Proteins the fit read.</param>
/// <param name="NllBefore">Mean negative log-likelihood of their true locations at temperature 1.</param>
/// <param name="NllAfter">The same at <paramref name="Temperature"/>.</param>
public sealed record ModelCalibration(double Temperature, string FittedOn, int Proteins, double NllBefore, double NllAfter)
{
    /// <summary>Divides the membrane-bound logit, for models that predict it; null = 1 (not fitted).</summary>
    public double? MembraneTemperature { get; init; }

    /// <summary>Proteins with a known membrane flag the membrane temperature was fitted on.</summary>
    public int? MembraneProteins { get; init; }

    /// <exception cref="ArgumentException">A temperature is not a positive finite number.</exception>
    public void Validate()
    {
        if (!(double.IsFinite(Temperature) && Temperature > 0))
            throw new ArgumentException($"The calibration temperature must be a positive number, not {Temperature}.");
        if (MembraneTemperature is double t && !(double.IsFinite(t) && t > 0))
            throw new ArgumentException($"The membrane calibration temperature must be a positive number, not {t}.");
    }
}
