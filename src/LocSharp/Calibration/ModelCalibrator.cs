using LocSharp.Data;
using LocSharp.Evaluation;
using LocSharp.Models;
using LocSharp.Profiles;

namespace LocSharp.Calibration;

/// <summary>What <see cref="ModelCalibrator.Fit"/> fitted, and the proteins it could not use.</summary>
/// <param name="Calibration">The temperatures, ready to store in the model.</param>
/// <param name="LeftOut">Proteins whose location no model output counts for (e.g. DeepLoc's Cytoplasm-Nucleus).</param>
public sealed record CalibrationFit(ModelCalibration Calibration, int LeftOut);

/// <summary>Fits a model's temperature (and its membrane output's) on labelled held-out proteins.</summary>
public static class ModelCalibrator
{
    /// <summary>How <see cref="ModelCalibration.FittedOn"/> of an out-of-fold fit begins.</summary>
    public const string OutOfFoldPrefix = "out-of-fold predictions of ";

    /// <summary>
    /// Runs every network over <paramref name="data"/> and fits one temperature for the location logits by
    /// <see cref="TemperatureFit"/>; with a <paramref name="mapping"/> the likelihood is that of the mapped location
    /// (the summed probability of the model locations that map to it). For a model with a membrane output, a second
    /// temperature is fitted on the proteins flagged membrane-bound or soluble. Use data the model was neither
    /// trained nor selected on.
    /// </summary>
    /// <exception cref="LabelledDataException">No protein is usable, or the labels do not fit the model (see <see cref="LabelScheme"/>).</exception>
    public static CalibrationFit Fit(TrainedModel model, LabelledDataSet data, LocationMapping? mapping = null, ProfileSet? profiles = null,
        int batchSize = 64, IProgress<long>? progress = null)
    {
        var scheme = LabelScheme.For(model, data, mapping);
        var usable = data.Proteins.Select(p => (Protein: p, Outputs: scheme.OutputsFor(p.Location))).Where(u => u.Outputs.Length > 0).ToList();
        if (usable.Count == 0) throw new LabelledDataException(data.Source, null, null, "no protein has a location the model's outputs count for; nothing to calibrate on.");
        var kept = new LabelledDataSet(usable.Select(u => u.Protein), data.Source, data.Locations);
        var sequenceProfiles = ProfilesOf(model, kept, profiles);
        var logits = ModelLogits.Compute(model, kept.Proteins.Select(p => p.Sequence).ToList(), sequenceProfiles, batchSize, progress);

        var locations = TemperatureFit.Fit([.. logits.Select(l => l.Locations)], [.. usable.Select(u => u.Outputs)]);
        string fittedOn = mapping == null ? data.Source : $"{data.Source} (model locations mapped by {mapping.Source})";
        var calibration = new ModelCalibration(locations.Temperature, fittedOn, usable.Count, locations.NllBefore, locations.NllAfter);

        if (model.PredictsMembrane)
        {
            // sigmoid(z / T) is the second of softmax([0, z] / T): the same fit over two outputs.
            var flagged = Enumerable.Range(0, usable.Count).Where(i => usable[i].Protein.Membrane.HasValue).ToList();
            if (flagged.Count > 0)
            {
                var membrane = TemperatureFit.Fit(
                    [.. flagged.Select(i => logits[i].Membrane!.Select(z => new[] { 0f, z }).ToArray())],
                    [.. flagged.Select(i => new[] { usable[i].Protein.Membrane!.Value ? 1 : 0 })]);
                calibration = calibration with { MembraneTemperature = membrane.Temperature, MembraneProteins = flagged.Count };
            }
        }
        return new CalibrationFit(calibration, data.Proteins.Count - usable.Count);
    }

    /// <summary>
    /// Fits one temperature on out-of-fold predictions: <paramref name="crossValidation"/> is an ensemble of a
    /// cross-validation's networks (`locsharp ensemble` of `cv`'s folds), each of which scores the proteins of
    /// <paramref name="data"/> in the partitions that the other networks trained on but it did not (its held-out
    /// fold). Partitions no network trained on (`test`) are never read. The temperature suits any model trained
    /// with the same settings on the same kind of data, such as the single model trained on all the folds. Proteins
    /// outside the folds, or with a location the model does not predict, are not read.
    /// </summary>
    /// <exception cref="LabelledDataException">A network has no record of its training partitions, or no protein is held out.</exception>
    public static CalibrationFit FitOutOfFold(TrainedModel crossValidation, LabelledDataSet data, ProfileSet? profiles = null,
        int batchSize = 64, IProgress<long>? progress = null)
    {
        var trainedOn = crossValidation.Training.Select((t, k) => t is { TrainPartitions.Count: > 0 } ? t.TrainPartitions.ToHashSet(StringComparer.Ordinal)
            : throw new LabelledDataException(data.Source, null, null, $"network {k + 1} of the cross-validation model records no training partitions; out-of-fold predictions need each network's partitions.")).ToList();
        var folds = trainedOn.SelectMany(p => p).ToHashSet(StringComparer.Ordinal);
        var logits = new List<float[][]>();
        var targets = new List<int[]>();
        var read = new SortedSet<string>(StringComparer.Ordinal);
        var scheme = LabelScheme.For(crossValidation, data, null);
        for (int k = 0; k < crossValidation.Networks.Count; k++)
        {
            var heldOut = data.Proteins.Where(p => p.Partition is { } part && folds.Contains(part) && !trainedOn[k].Contains(part)
                && scheme.OutputsFor(p.Location).Length > 0).ToList();
            if (heldOut.Count == 0) continue;
            read.UnionWith(heldOut.Select(p => p.Partition!));
            var member = crossValidation.Member(k); // shares the network with crossValidation: not disposed here
            var sequenceProfiles = ProfilesOf(member, new LabelledDataSet(heldOut, data.Source, data.Locations), profiles);
            var computed = ModelLogits.Compute(member, heldOut.Select(p => p.Sequence).ToList(), sequenceProfiles, batchSize);
            logits.AddRange(computed.Select(l => l.Locations));
            targets.AddRange(heldOut.Select(p => scheme.OutputsFor(p.Location)));
            progress?.Report(logits.Count);
        }
        if (logits.Count == 0)
            throw new LabelledDataException(data.Source, null, null, $"no protein lies in a partition one network left out of its training ({string.Join(", ", folds.Order())}); give the data and split the cross-validation trained on.");
        var fit = TemperatureFit.Fit(logits, targets);
        var calibration = new ModelCalibration(fit.Temperature,
            $"{OutOfFoldPrefix}{crossValidation.Networks.Count} cross-validation networks on {data.Source}, held-out partitions {string.Join(",", read)}",
            logits.Count, fit.NllBefore, fit.NllAfter);
        return new CalibrationFit(calibration, 0);
    }

    /// <summary>The proteins' profiles, index for index, for a model that reads them; else null.</summary>
    static IReadOnlyList<Profile>? ProfilesOf(TrainedModel model, LabelledDataSet proteins, ProfileSet? profiles) => model.NeedsProfiles
        ? LabelledSequences.From(proteins, profiles ?? throw new ArgumentException("The model reads profiles; give them.", nameof(profiles))).Profiles
        : null;
}
