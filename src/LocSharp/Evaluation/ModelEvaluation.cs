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
    /// </summary>
    /// <param name="profiles">The proteins' profiles, for a profile model.</param>
    public static EvaluationReport Evaluate(TrainedModel model, LabelledDataSet data, LocationMapping? mapping = null, int batchSize = 64,
        ProfileSet? profiles = null)
    {
        if (data.Proteins.Count == 0) throw new LabelledDataException(data.Source, null, null, "no proteins to evaluate.");
        IReadOnlyList<string> labels;
        int[] target;
        if (mapping == null)
        {
            if (data.Proteins.Select(p => p.Location).Distinct().FirstOrDefault(l => !model.Locations.Contains(l)) is string unknown)
                throw new LabelledDataException(data.Source, null, null,
                    $"location '{unknown}' is not one the model predicts ({string.Join(", ", model.Locations)}); give --mapping to evaluate on another location scheme.");
            labels = model.Locations;
            target = Enumerable.Range(0, model.Locations.Count).ToArray();
        }
        else
        {
            mapping.CheckCovers(model.Locations);
            labels = data.Locations.Concat(mapping.Targets.Where(t => !data.Locations.Contains(t))).ToList();
            target = model.Locations.Select(l => IndexOf(labels, mapping.Map(l))).ToArray();
        }

        var predictions = Predictions.Predict(model, data.Proteins.Select(p => p.Sequence).ToList(),
            model.NeedsProfiles ? LabelledSequences.From(data, profiles ?? throw new ArgumentException("The model reads profiles; give them.", nameof(profiles))).Profiles : null,
            batchSize);
        var probabilities = predictions.Select(p => p.Probabilities).ToArray();
        var pairs = new (int True, int Predicted)[data.Proteins.Count];
        for (int i = 0; i < pairs.Length; i++)
        {
            var mass = new double[labels.Count];
            for (int c = 0; c < target.Length; c++) mass[target[c]] += probabilities[i][c];
            pairs[i] = (IndexOf(labels, data.Proteins[i].Location), Array.IndexOf(mass, mass.Max()));
        }
        var membrane = model.PredictsMembrane
            ? MembraneMetrics.From(data.Proteins.Select((p, i) => (p.Membrane, predictions[i].Membrane!.Value)))
            : null;
        return EvaluationReport.From(new ConfusionMatrix(labels, pairs)) with { Membrane = membrane };
    }

    static int IndexOf(IReadOnlyList<string> labels, string location)
    {
        for (int i = 0; i < labels.Count; i++) if (labels[i] == location) return i;
        throw new InvalidOperationException($"Location '{location}' is missing from the label list.");
    }
}
