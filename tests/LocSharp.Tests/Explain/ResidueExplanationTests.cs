using LocSharp.Explain;
using LocSharp.Models;

namespace LocSharp.Tests.Explain;

[Collection(TorchCollection.Name)]
public class ResidueExplanationTests
{
    [Fact]
    public void Compute_GivesAnAttributionPerResidueRead_OneProteinAtATime()
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
    public void Compute_RejectsAnUnknownLocation_AtOnce()
    {
        using var model = TinyModels.Create(Architecture.RLstm);
        var input = new ExplainInput([new ExplainProtein("P", "MKV")], false, [], "test");

        var error = Assert.Throws<ExplainException>(() => ResidueExplanation.Compute(model, input, new ResidueExplanationOptions { Location = "golgi" }));
        Assert.Contains("'golgi' is not a location", error.Message);
    }
}
