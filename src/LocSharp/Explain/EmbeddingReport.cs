using LocSharp.Explain.Figures;
using LocSharp.Projection;

namespace LocSharp.Explain;

/// <summary>What <see cref="EmbeddingReport.Write"/> wrote.</summary>
/// <param name="Dimensions">Length of each representation.</param>
/// <param name="ColouredBy">"true location", or "predicted location" for unlabelled input.</param>
/// <param name="Tsne">The t-SNE settings used: the perplexity is lowered to what the number of proteins allows.</param>
public sealed record EmbeddingReportResult(int Proteins, int Dimensions, string ColouredBy, FigureFiles Figure, TsneOptions Tsne);

/// <summary>Writes the proteins' representations and their t-SNE map (<see cref="EmbeddingExplanation.Compute"/>).</summary>
public static class EmbeddingReport
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
    /// <param name="modelName">Names the model in the figure's title.</param>
    public static EmbeddingReportResult Write(ProteinEmbeddings embeddings, string directory, string modelName = "the model")
    {
        var input = embeddings.Input;
        var proteins = input.Proteins;
        var predicted = embeddings.PredictedLocations;
        double[,] map = embeddings.Map;
        int n = proteins.Count, dimensions = embeddings.Dimensions;
        Directory.CreateDirectory(directory);

        ExplainFiles.WriteTable(Path.Combine(directory, RepresentationFile), table =>
        {
            table.WriteLine("protein_id\tlocation\tpredicted_location\t" + string.Join('\t', Enumerable.Range(1, dimensions).Select(d => $"r{d}")));
            for (int i = 0; i < n; i++)
            {
                table.Write($"{proteins[i].Id}\t{proteins[i].Location}\t{predicted[i]}");
                for (int d = 0; d < dimensions; d++)
                {
                    table.Write('\t');
                    table.Write(ExplainFiles.Number(embeddings.Representations[i, d]));
                }
                table.WriteLine();
            }
        });
        ExplainFiles.WriteTable(Path.Combine(directory, MapFile), table =>
        {
            table.WriteLine("protein_id\tlocation\tpredicted_location\tx\ty");
            for (int i = 0; i < n; i++)
                table.WriteLine($"{proteins[i].Id}\t{proteins[i].Location}\t{predicted[i]}\t{ExplainFiles.Number(map[i, 0])}\t{ExplainFiles.Number(map[i, 1])}");
        });

        string colouredBy = input.IsLabelled ? "true location" : "predicted location";
        var points = Enumerable.Range(0, n)
            .Select(i => new EmbeddingPoint(map[i, 0], map[i, 1], input.IsLabelled ? proteins[i].Location! : predicted[i]))
            .ToList();
        var figure = EmbeddingFigures.WriteScatter(Path.Combine(directory, FigureFile), points, new ScatterOptions
        {
            Title = $"t-SNE of {modelName}'s learned representations, by {colouredBy}",
            LocationOrder = input.LegendOrder(embeddings.ModelLocations, points.Select(p => p.Location)),
        });
        return new EmbeddingReportResult(n, dimensions, colouredBy, figure, embeddings.Tsne);
    }
}
