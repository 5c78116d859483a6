using LocSharp.Models;
using static TorchSharp.torch;

namespace LocSharp.Tests.Models;

/// <summary>Predicting through a <see cref="TrainedModel"/>: no dropout, and the caller's train/eval mode kept.</summary>
[Collection(TorchCollection.Name)]
public class TrainedModelTests
{
    [Fact]
    public void Predicting_runs_without_dropout_and_leaves_a_training_network_in_training_mode()
    {
        using var model = TinyModels.Create(Architecture.RLstm, weightScale: 0.5);
        using var batch = TinyNetworks.Batch(TinyModels.Sequence(12), TinyModels.Sequence(7, 3));
        var network = model.Networks[0];

        network.eval();
        using var reference = model.PredictProbabilities(batch);
        network.train();
        using var again = model.PredictProbabilities(batch);

        Assert.True(network.training, "the network was in training mode before the prediction and must stay so");
        Assert.Equal(reference.data<float>().ToArray(), again.data<float>().ToArray());
        network.eval();
        using var third = model.PredictProbabilities(batch);
        Assert.False(network.training);
    }
}
