using LocSharp.Models;
using LocSharp.Profiles;
using LocSharp.Projection;

namespace LocSharp.Explain;

/// <summary>Settings of <see cref="EmbeddingExplanation.Compute"/>.</summary>
public sealed record EmbeddingExplanationOptions
{
    /// <summary>The proteins' profiles, for a profile model.</summary>
    public ProfileSet? Profiles { get; init; }

    public TsneOptions Tsne { get; init; } = new();

    /// <summary>Proteins per network batch.</summary>
    public int BatchSize { get; init; } = 64;

}

/// <summary>
/// The fixed-length representation the classifier reads (R-LSTM: both directions' last states joined; A-LSTM: the
/// attention context c) of every protein, and a t-SNE map of them (Sønderby et al. 2015, Fig. 7).
/// <see cref="EmbeddingReport"/> writes them as tables and a figure.
/// </summary>
public static class EmbeddingExplanation
{
    /// <summary>
    /// Reads every protein with the model's network (an ensemble: its networks' representations joined, the way its
    /// classifiers read them side by side) and maps the representations with t-SNE, all in memory (t-SNE needs every
    /// representation at once). Proteins keep input order.
    /// </summary>
    /// <param name="progress">Told the proteins read (stage "network"), and when t-SNE runs.</param>
    /// <exception cref="ExplainException">Fewer than 3 proteins.</exception>
    /// <exception cref="InvalidSettingException">t-SNE options out of range.</exception>
    public static ProteinEmbeddings Compute(TrainedModel model, ExplainInput input, EmbeddingExplanationOptions? options = null,
        IProgress<ExplainProgress>? progress = null)
    {
        options ??= new EmbeddingExplanationOptions();
        int n = input.Count;
        if (n < 3) throw new ExplainException($"{input.Source}: a t-SNE map needs at least 3 proteins; the input has {n}.");
        var tsne = options.Tsne.FitTo(n);
        tsne.Validate(n); // before the network runs, so a bad setting fails at once
        int dimensions = model.Networks.Sum(n => n.Config.RepresentationSize); // an ensemble's are joined

        var representations = new double[n, dimensions];
        var predicted = new string[n];
        int i = 0;
        foreach (var reading in NetworkReader.Read(model, input.Proteins, options.BatchSize, progress, options.Profiles))
        {
            predicted[i] = model.Locations[reading.Predicted];
            for (int d = 0; d < dimensions; d++) representations[i, d] = reading.Representation[d];
            i++;
        }

        progress?.Report(new ExplainProgress("t-SNE", 0, 1));
        double[,] map = Tsne.Embed(representations, tsne);
        progress?.Report(new ExplainProgress("t-SNE", 1, 1));
        return new ProteinEmbeddings(input, model.Locations, representations, predicted, map, tsne);
    }
}
