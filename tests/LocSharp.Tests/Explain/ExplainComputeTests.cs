using LocSharp.Explain;
using LocSharp.Models;
using LocSharp.Projection;

namespace LocSharp.Tests.Explain;

/// <summary>The compute step of the explanations: results in memory, before any report writes them.</summary>
[Collection(TorchCollection.Name)]
public class ExplainComputeTests
{
    [Fact]
    public void Residues_AreAttributedOneProteinAtATime_PerResidueRead()
    {
        using var model = TinyModels.Create(Architecture.RLstm, maxLength: 10);
        var input = new ExplainInput([new ExplainProtein("LONG", TinyModels.Sequence(16)), new ExplainProtein("SHORT", "MKV")], false, [], "test");
        var progress = new ProgressLog();

        var attributions = ResidueExplanation.Compute(model, input, new ResidueExplanationOptions { Steps = 8 }, progress);
        Assert.Empty(progress.Reports);
        var first = attributions.Proteins.First();

        Assert.Equal([new ExplainProgress("integrated gradients", 1, 2)], progress.Reports); // the second is not attributed yet
        Assert.Equal("LONG", first.Protein.Id);
        Assert.Equal([1, 2, 3, 4, 5, 12, 13, 14, 15, 16], first.Positions);
        Assert.Equal(10, first.Attribution.Residues.Length);
        Assert.Equal(first.PredictedLocation, first.ExplainedLocation);
        Assert.Null(first.Signal);
    }

    [Fact]
    public void Residues_OfAnUnknownLocation_AreRejectedAtOnce()
    {
        using var model = TinyModels.Create(Architecture.RLstm);
        var input = new ExplainInput([new ExplainProtein("P", "MKV")], false, [], "test");

        var error = Assert.Throws<ExplainException>(() => ResidueExplanation.Compute(model, input, new ResidueExplanationOptions { Location = "golgi" }));
        Assert.Contains("'golgi' is not a location", error.Message);
    }

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

    [Fact]
    public void Embedding_of_an_ensemble_joins_its_networks_representations_and_gives_its_averaged_call()
    {
        using var rlstm = TinyModels.Create(Architecture.RLstm, weightScale: 1.0);
        using var alstm = TinyModels.Create(Architecture.ALstm, weightScale: 1.0);
        var ensemble = TrainedModel.Ensemble([rlstm, alstm]); // shares the networks: disposed through its members
        var input = new ExplainInput([.. Enumerable.Range(0, 6).Select(i => new ExplainProtein($"P{i}", TinyModels.Sequence(8 + i, i)))], false, [], "test");
        var options = new EmbeddingExplanationOptions { Tsne = new TsneOptions(Iterations: 50) };

        var joined = EmbeddingExplanation.Compute(ensemble, input, options);
        var first = EmbeddingExplanation.Compute(rlstm, input, options);
        var second = EmbeddingExplanation.Compute(alstm, input, options);

        Assert.Equal(first.Dimensions + second.Dimensions, joined.Dimensions);
        for (int p = 0; p < 6; p++)
            for (int d = 0; d < joined.Dimensions; d++)
                Assert.Equal(d < first.Dimensions ? first.Representations[p, d] : second.Representations[p, d - first.Dimensions], joined.Representations[p, d], 6);
        var predicted = new LocSharp.Prediction.PredictionPipeline(ensemble)
            .Predict(input.Proteins.Select((q, i) => new LocSharp.Sequences.FastaRecord(q.Id, "", q.Sequence, i + 1)).ToList()).ToList();
        Assert.Equal(predicted.Select(q => ensemble.Locations[q.Best]), joined.PredictedLocations); // the ensemble's call, as predict makes it
    }
}
