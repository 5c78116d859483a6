using LocSharp.Projection;

namespace LocSharp.Explain;

/// <summary>Every protein's representation and its place on a t-SNE map (<see cref="EmbeddingExplanation.Compute"/>).</summary>
/// <param name="Input">The proteins, in the order of the rows below.</param>
/// <param name="ModelLocations">The locations the model predicts, in its order.</param>
/// <param name="Representations">[proteins, dimensions]: the fixed-length representation the classifier reads.</param>
/// <param name="PredictedLocations">Each protein's most probable location.</param>
/// <param name="Map">[proteins, 2]: the t-SNE map of the representations.</param>
/// <param name="Tsne">The t-SNE settings used: the perplexity is lowered to what the number of proteins allows.</param>
public sealed record ProteinEmbeddings(ExplainInput Input, IReadOnlyList<string> ModelLocations, double[,] Representations,
    string[] PredictedLocations, double[,] Map, TsneOptions Tsne)
{
    public int Dimensions => Representations.GetLength(1);
}
