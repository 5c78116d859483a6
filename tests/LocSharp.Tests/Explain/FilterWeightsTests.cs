using LocSharp.Encoding;
using LocSharp.Explain;
using LocSharp.Models;
using LocSharp.Sequences;
using static TorchSharp.torch;

namespace LocSharp.Tests.Explain;

[Collection(TorchCollection.Name)]
public class FilterWeightsTests
{
    /// <summary>A tiny model whose width-3 filter 1 has one nonzero weight: feature <paramref name="feature"/> at position 0.</summary>
    static TrainedModel WithOneWeight(int feature, float value)
    {
        var model = TinyModels.Create(Architecture.RLstm);
        using var noGrad = no_grad();
        var conv = model.Networks[0].FrontEnd.Convolutions[1]; // width 3
        conv.weight!.zero_();
        conv.weight[0, feature, 0].fill_(value);
        return model;
    }

    [Fact]
    public void Names_AreWidthAndFilterNumber()
    {
        using var model = TinyModels.Create(Architecture.ALstm);
        var groups = FilterWeights.Extract(model.Networks[0], prefix: "net1_");
        Assert.Equal([1, 3], groups.Select(g => g.Width));
        Assert.Equal(["net1_conv3_f1", "net1_conv3_f2"], groups[1].Filters.Select(f => f.Name));
        Assert.Equal([20, 3], new[] { groups[1].Filters[0].Weights.GetLength(0), groups[1].Filters[0].Weights.GetLength(1) });
    }

    [Fact]
    public void OneHot_IsTheRawWeightOfTheResiduesFeature()
    {
        int r = Residues.StandardIndex('R');
        using var model = WithOneWeight(r, 0.75f);
        var w = FilterWeights.Extract(model.Networks[0], FilterWeightKind.OneHot)[1].Filters[0].Weights;
        Assert.Equal(0.75f, w[r, 0]);
        Assert.Equal(0f, w[0, 0]);
        Assert.Equal(0f, w[r, 1]);
    }

    [Fact]
    public void Effective_OfAOneHotWeight_IsThatWeightCentredOverTheResidues()
    {
        // Only R's one-hot feature carries weight 1: R adds 1, the others 0; the mean is 1/20, so R 0.95, others −0.05.
        int r = Residues.StandardIndex('R');
        using var model = WithOneWeight(r, 1f);
        var w = FilterWeights.Extract(model.Networks[0])[1].Filters[0].Weights;
        Assert.Equal(0.95f, w[r, 0], 6);
        Assert.Equal(-0.05f, w[Residues.StandardIndex('W'), 0], 6);
        Assert.Equal(0f, w[r, 2], 6);
    }

    [Fact]
    public void Effective_OfABlosumWeight_IsThatBlosumColumnThroughTheEncoding()
    {
        // Weight 11 on feature 20 (BLOSUM80 column A, scaled by 1/11): residue x adds BLOSUM80[x, A]; centred.
        using var model = WithOneWeight(ResidueEncoder.OneHotFeatures, 11f);
        var w = FilterWeights.Extract(model.Networks[0])[1].Filters[0].Weights;
        double mean = Enumerable.Range(0, 20).Average(x => SubstitutionMatrices.Blosum80[x, 0]);
        for (int x = 0; x < 20; x++) Assert.Equal(SubstitutionMatrices.Blosum80[x, 0] - mean, w[x, 0], 4);
    }
}
