using LocSharp.Data;
using LocSharp.Models;

namespace LocSharp.Evaluation;

/// <summary>
/// The locations a model's predictions are scored over, and which of them each model output counts for. Without a
/// mapping they are the model's own locations and the data's must be among them. With one, each model location's
/// probability counts for the location it maps to (lysosomal and vacuolar both feed Lysosome/Vacuole); the labels
/// are the data's locations plus any mapped location the data lacks.
/// </summary>
/// <param name="Labels">The locations scored over.</param>
/// <param name="Target">Per model output, the index in <paramref name="Labels"/> it counts for.</param>
public sealed record LabelScheme(IReadOnlyList<string> Labels, int[] Target)
{
    /// <exception cref="UnknownLocationException">Without a mapping, a data location is not one the model predicts.</exception>
    /// <exception cref="LabelledDataException">With a mapping, a model location has no entry.</exception>
    public static LabelScheme For(TrainedModel model, LabelledDataSet data, LocationMapping? mapping)
    {
        if (mapping == null)
        {
            if (data.Proteins.Select(p => p.Location).Distinct().FirstOrDefault(l => !model.Locations.Contains(l)) is string unknown)
                throw new UnknownLocationException(data.Source, unknown, model.Locations);
            return new LabelScheme(model.Locations, Enumerable.Range(0, model.Locations.Count).ToArray());
        }
        mapping.CheckCovers(model.Locations);
        var labels = data.Locations.Concat(mapping.Targets.Where(t => !data.Locations.Contains(t))).ToList();
        return new LabelScheme(labels, model.Locations.Select(l => IndexOf(labels, mapping.Map(l))).ToArray());
    }

    /// <summary>The index of <paramref name="location"/> in <see cref="Labels"/>.</summary>
    public int IndexOf(string location) => IndexOf(Labels, location);

    /// <summary>The model outputs that count for <paramref name="location"/>; empty when none maps to it.</summary>
    public int[] OutputsFor(string location)
    {
        int label = IndexOf(location);
        return Enumerable.Range(0, Target.Length).Where(c => Target[c] == label).ToArray();
    }

    /// <summary>A model's probabilities summed into <see cref="Labels"/>.</summary>
    public double[] Mass(IReadOnlyList<float> probabilities)
    {
        var mass = new double[Labels.Count];
        for (int c = 0; c < Target.Length; c++) mass[Target[c]] += probabilities[c];
        return mass;
    }

    static int IndexOf(IReadOnlyList<string> labels, string location)
    {
        for (int i = 0; i < labels.Count; i++) if (labels[i] == location) return i;
        throw new InvalidOperationException($"Location '{location}' is missing from the label list.");
    }
}
