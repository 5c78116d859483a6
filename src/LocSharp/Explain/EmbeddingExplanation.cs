using LocSharp.Explain.Figures;
using LocSharp.Models;
using LocSharp.Projection;

namespace LocSharp.Explain;

/// <summary>Settings of <see cref="EmbeddingExplanation.Write"/>.</summary>
public sealed record EmbeddingExplanationOptions
{
    public TsneOptions Tsne { get; init; } = new();

    /// <summary>Proteins per network batch.</summary>
    public int BatchSize { get; init; } = 64;

}

/// <summary>What <see cref="EmbeddingExplanation.Write"/> wrote.</summary>
/// <param name="Dimensions">Length of each representation.</param>
/// <param name="ColouredBy">"true location", or "predicted location" for unlabelled input.</param>
/// <param name="Tsne">The t-SNE settings used: the perplexity is lowered to what the number of proteins allows.</param>
public sealed record EmbeddingExplanationResult(int Proteins, int Dimensions, string ColouredBy, FigureFiles Figure, TsneOptions Tsne);

/// <summary>
/// The fixed-length representation the classifier reads (R-LSTM: both directions' last states joined; A-LSTM: the
/// attention context c) of every protein, and a t-SNE map of them (Sønderby et al. 2015, Fig. 7).
/// </summary>
public static class EmbeddingExplanation
{
    public const string RepresentationFile = "embedding.tsv";
    public const string MapFile = "tsne.tsv";
    public const string FigureFile = "tsne";

    /// <summary>
    /// Writes into <paramref name="directory"/> (created if needed): embedding.tsv (protein_id, location,
    /// predicted_location, r1 … rD), tsne.tsv (protein_id, location, predicted_location, x, y) and tsne.svg/.png,
    /// points coloured by true location, or by predicted location when the input is unlabelled. location is empty
    /// for unlabelled input. Proteins keep input order.
    /// </summary>
    /// <exception cref="ExplainException">The model is an ensemble.</exception>
    /// <exception cref="ExplainException">Fewer than 3 proteins.</exception>
    /// <exception cref="InvalidSettingException">t-SNE options out of range.</exception>
    public static EmbeddingExplanationResult Write(TrainedModel model, ExplainInput input, string directory,
        EmbeddingExplanationOptions? options = null, IProgress<ExplainProgress>? progress = null)
    {
        options ??= new EmbeddingExplanationOptions();
        var network = NetworkReader.SingleNetwork(model, "representation");
        int n = input.Count;
        if (n < 3) throw new ExplainException($"{input.Source}: a t-SNE map needs at least 3 proteins; the input has {n}.");
        var tsne = options.Tsne.FitTo(n);
        tsne.Validate(n); // before the network runs, so a bad setting fails at once
        int dimensions = network.Config.RepresentationSize;
        Directory.CreateDirectory(directory);

        var representations = new double[n, dimensions];
        var predicted = new string[n];
        ExplainFiles.WriteTable(Path.Combine(directory, RepresentationFile), table =>
        {
            table.WriteLine("protein_id\tlocation\tpredicted_location\t" + string.Join('\t', Enumerable.Range(1, dimensions).Select(d => $"r{d}")));
            int i = 0;
            foreach (var reading in NetworkReader.Read(model, input.Proteins, options.BatchSize, progress))
            {
                predicted[i] = model.Locations[reading.Predicted];
                table.Write($"{reading.Protein.Id}\t{reading.Protein.Location}\t{predicted[i]}");
                for (int d = 0; d < dimensions; d++)
                {
                    representations[i, d] = reading.Representation[d];
                    table.Write('\t');
                    table.Write(ExplainFiles.Number(reading.Representation[d]));
                }
                table.WriteLine();
                i++;
            }
        });

        progress?.Report(new ExplainProgress("t-SNE", 0, 1));
        double[,] map = Tsne.Embed(representations, tsne);
        progress?.Report(new ExplainProgress("t-SNE", 1, 1));
        ExplainFiles.WriteTable(Path.Combine(directory, MapFile), table =>
        {
            table.WriteLine("protein_id\tlocation\tpredicted_location\tx\ty");
            for (int i = 0; i < n; i++)
                table.WriteLine($"{input.Proteins[i].Id}\t{input.Proteins[i].Location}\t{predicted[i]}\t{ExplainFiles.Number(map[i, 0])}\t{ExplainFiles.Number(map[i, 1])}");
        });

        string colouredBy = input.IsLabelled ? "true location" : "predicted location";
        var points = Enumerable.Range(0, n)
            .Select(i => new EmbeddingPoint(map[i, 0], map[i, 1], input.IsLabelled ? input.Proteins[i].Location! : predicted[i]))
            .ToList();
        var present = points.Select(p => p.Location).ToHashSet(StringComparer.Ordinal);
        var figure = EmbeddingFigures.WriteScatter(Path.Combine(directory, FigureFile), points, new ScatterOptions
        {
            Title = $"t-SNE of the learned representations, by {colouredBy}",
            LocationOrder = model.Locations.Concat(input.Locations).Where(present.Contains).Distinct().ToList(),
        });
        return new EmbeddingExplanationResult(n, dimensions, colouredBy, figure, tsne);
    }
}
