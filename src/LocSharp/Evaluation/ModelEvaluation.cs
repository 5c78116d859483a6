using LocSharp.Data;
using LocSharp.Models;
using LocSharp.Prediction;
using LocSharp.Profiles;

namespace LocSharp.Evaluation;

/// <summary>Scores a model's predictions on labelled proteins.</summary>
public static class ModelEvaluation
{
    /// <summary>
    /// Predicts every protein of <paramref name="data"/> and compares with its label. Without a mapping the data's
    /// locations must be the model's. With one, each model location's probability counts for the location it maps
    /// to (lysosomal and vacuolar both feed Lysosome/Vacuole), and the most probable mapped location is the
    /// prediction; the confusion matrix is over the data's locations plus any mapped location the data lacks.
    /// For a model that predicts membrane-bound vs soluble, proteins with a known flag also score that output.
    /// Calibration (ECE, Brier, NLL) is scored on the same summed probabilities.
    /// </summary>
    /// <param name="profiles">The proteins' profiles, for a profile model.</param>
    /// <param name="progress">Told the proteins predicted so far after every batch.</param>
    public static EvaluationReport Evaluate(TrainedModel model, LabelledDataSet data, LocationMapping? mapping = null, int batchSize = 64,
        ProfileSet? profiles = null, IProgress<long>? progress = null)
    {
        if (data.Proteins.Count == 0) throw new LabelledDataException(data.Source, null, null, "no proteins to evaluate.");
        var scheme = LabelScheme.For(model, data, mapping);

        var predictions = Predictions.Predict(model, data.Proteins.Select(p => p.Sequence).ToList(),
            model.NeedsProfiles ? LabelledSequences.From(data, profiles ?? throw new ArgumentException("The model reads profiles; give them.", nameof(profiles))).Profiles : null,
            batchSize, progress);
        var masses = predictions.Select(p => scheme.Mass(p.Probabilities)).ToArray();
        var truth = data.Proteins.Select(p => scheme.IndexOf(p.Location)).ToArray();
        var pairs = new (int True, int Predicted)[data.Proteins.Count];
        for (int i = 0; i < pairs.Length; i++) pairs[i] = (truth[i], Array.IndexOf(masses[i], masses[i].Max()));
        var membrane = model.PredictsMembrane
            ? MembraneMetrics.From(data.Proteins.Select((p, i) => (p.Membrane, predictions[i].Membrane!.Value)))
            : null;
        return EvaluationReport.From(new ConfusionMatrix(scheme.Labels, pairs)) with
        {
            Membrane = membrane,
            Calibration = CalibrationMetrics.From(masses, truth),
        };
    }
}
