using LocSharp.Explain;
using LocSharp.Models;

namespace LocSharp.Tests.Models;

/// <summary>Reading a model (predicting or explaining) never changes the training state its caller left it in, and
/// never reads it with dropout on.</summary>
[Collection(TorchCollection.Name)]
public sealed class EvaluationModeTests
{
    [Fact]
    public void The_mode_is_evaluation_inside_the_block_and_the_callers_after_it()
    {
        using var model = TinyModels.Create(Architecture.ALstm);
        var network = model.Networks[0];

        network.train();
        using (new EvaluationMode(network)) Assert.False(network.training);
        Assert.True(network.training);

        network.eval();
        using (new EvaluationMode(network)) Assert.False(network.training);
        Assert.False(network.training);
    }

    [Fact]
    public void Explaining_a_model_in_training_mode_reads_it_without_dropout_and_leaves_it_training()
    {
        using var model = TinyModels.Create(Architecture.ALstm, weightScale: 1.0);
        var input = new ExplainInput([new ExplainProtein("P1", TinyModels.Sequence(30)), new ExplainProtein("P2", TinyModels.Sequence(20, 3))], false, [], "test");
        var inEvaluation = Explain(model, input);

        model.Networks[0].train();
        var first = Explain(model, input);
        var second = Explain(model, input);

        Assert.True(model.Networks[0].training);
        Assert.Equal(inEvaluation, first);  // dropout (0.5) would have changed them, and from one run to the next
        Assert.Equal(first, second);
    }

    static List<double[]> Explain(TrainedModel model, ExplainInput input) =>
    [
        .. AttentionExplanation.Compute(model, input).Proteins.Select(p => p.Weights.Select(w => (double)w).ToArray()),
        .. ResidueExplanation.Compute(model, input, new ResidueExplanationOptions { Steps = 4, Tolerance = null }).Proteins.Select(p => p.Attribution.Residues.ToArray()),
    ];
}
