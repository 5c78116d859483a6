using LocSharp.Explain;
using LocSharp.Models;
using LocSharp.Projection;

namespace LocSharp.Tests.Explain;

[Collection(TorchCollection.Name)]
public class FilterAndEmbeddingExplanationTests
{
    [Fact]
    public void Filters_OfAnEnsemble_AreGroupedAndNumberedPerNetwork()
    {
        using var model = TinyModels.Create(Architecture.ALstm, networks: 2);

        var filters = FilterExplanation.Compute(model);

        Assert.True(filters.Ensemble);
        Assert.Equal([(1, 1), (1, 3), (2, 1), (2, 3)], filters.Groups.Select(g => (g.Network, g.Width)));
        Assert.All(filters.Groups[3].Filters, f => Assert.StartsWith("net2_conv3_f", f.Name));
        Assert.Equal(filters.Groups.Sum(g => g.Filters.Count), filters.Count);
    }

    [Fact]
    public void Embedding_GivesEveryRepresentationAndItsPlaceOnTheMap()
    {
        using var model = TinyModels.Create(Architecture.RLstm);
        var input = new ExplainInput([.. Enumerable.Range(0, 6).Select(i => new ExplainProtein($"P{i}", TinyModels.Sequence(8 + i, i)))], false, [], "test");

        var embeddings = EmbeddingExplanation.Compute(model, input, new EmbeddingExplanationOptions { Tsne = new TsneOptions(Iterations: 50) });

        Assert.Equal([6, model.Networks[0].Config.RepresentationSize], new[] { embeddings.Representations.GetLength(0), embeddings.Dimensions });
        Assert.Equal([6, 2], new[] { embeddings.Map.GetLength(0), embeddings.Map.GetLength(1) });
        Assert.All(embeddings.PredictedLocations, l => Assert.Contains(l, model.Locations));
    }
}
