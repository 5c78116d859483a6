using LocSharp.Data;
using LocSharp.Models;
using static LocSharp.Tests.Models.TinyNetworks;
using static TorchSharp.torch;

namespace LocSharp.Tests.Models;

/// <summary>Both architectures end to end: shapes, masking, attention, the R-LSTM representation, initialisation.</summary>
[Collection(TorchCollection.Name)]
public class NetworkTests
{
    [Theory]
    [InlineData(Architecture.RLstm)]
    [InlineData(Architecture.ALstm)]
    public void Outputs_have_one_logit_per_location_and_a_2H_representation(Architecture architecture)
    {
        using var network = Create(architecture, seed: 1);
        var random = new Random(1);
        using var batch = Batch(Protein(random, 9), Protein(random, 4), Protein(random, 12));
        using var noGrad = no_grad();
        using var output = network.call(batch.Features, batch.Lengths);

        Assert.Equal([3L, (long)Locations.Length], output.Logits.shape);
        Assert.Equal([3L, 2L * Config(architecture).Hidden], output.Representation.shape);
        if (architecture == Architecture.ALstm) Assert.Equal([3L, 12L], output.Attention!.shape);
        else Assert.Null(output.Attention);
        Assert.All(Values(output.Logits), v => Assert.True(double.IsFinite(v)));
    }

    [Theory]
    [InlineData(Architecture.RLstm, 0)]
    [InlineData(Architecture.RLstm, 1)]
    [InlineData(Architecture.ALstm, 0)]
    [InlineData(Architecture.ALstm, 1)]
    public void A_protein_gives_the_same_output_alone_and_padded_in_a_batch_with_a_longer_one(Architecture architecture, int row)
    {
        using var network = Create(architecture, seed: 2);
        var random = new Random(2);
        string shorter = Protein(random, 7), longer = Protein(random, 19);
        using var alone = Batch(shorter);
        using var padded = row == 0 ? Batch(shorter, longer) : Batch(longer, shorter);
        using var noGrad = no_grad();

        using var single = network.call(alone.Features, alone.Lengths);
        using var batched = network.call(padded.Features, padded.Lengths);

        AssertClose(Values(single.Logits), Values(batched.Logits[row]), 1e-5, "logits");
        AssertClose(Values(single.Representation), Values(batched.Representation[row]), 1e-5, "representation");
        if (architecture == Architecture.ALstm)
        {
            double[] attention = Values(batched.Attention![row]);
            AssertClose(Values(single.Attention!), attention[..7], 1e-5, "attention");
            Assert.All(attention[7..], w => Assert.Equal(0.0, w));
        }
    }

    [Fact]
    public void Attention_weights_are_positive_on_real_positions_sum_to_one_there_and_are_exactly_zero_on_padding()
    {
        using var network = Create(Architecture.ALstm, seed: 3);
        var random = new Random(3);
        int[] lengths = [5, 11, 1, 8];
        using var batch = Batch(lengths.Select(n => Protein(random, n)).ToArray());
        using var noGrad = no_grad();
        using var output = network.call(batch.Features, batch.Lengths);

        double[] weights = Values(output.Attention!);
        for (int b = 0; b < lengths.Length; b++)
        {
            double[] row = weights[(b * 11)..((b + 1) * 11)];
            Assert.All(row[..lengths[b]], w => Assert.True(w > 0));
            Assert.Equal(1.0, row[..lengths[b]].Sum(), 6);
            Assert.All(row[lengths[b]..], w => Assert.Equal(0.0, w));
        }
        Assert.Equal(1.0, weights[2 * 11]); // one residue takes all the attention
    }

    [Fact]
    public void The_R_LSTM_representation_is_the_forward_state_at_the_last_residue_joined_with_the_reverse_state_at_the_first()
    {
        using var network = Create(Architecture.RLstm, seed: 4);
        int hidden = Config(Architecture.RLstm).Hidden;
        var random = new Random(4);
        int[] lengths = [6, 3, 9];
        using var batch = Batch(lengths.Select(n => Protein(random, n)).ToArray());
        using var noGrad = no_grad();

        using var output = network.call(batch.Features, batch.Lengths);
        using var convolved = Child<ConvFrontEnd>(network, "conv").call(batch.Features);
        var (states, lastStates) = Child<TwoWayLstm>(network, "lstm").call(convolved, batch.Lengths);

        for (int b = 0; b < lengths.Length; b++)
        {
            // Outputs hold at each real position t the forward state after residue t and the reverse state after it
            // read residues len-1 down to t: the reverse LSTM's last state sits at position 0.
            double[] expected = [.. Values(states[b, lengths[b] - 1]).Take(hidden), .. Values(states[b, 0]).Skip(hidden)];
            AssertClose(expected, Values(lastStates[b]), 1e-6, $"last states of protein {b}");
            AssertClose(expected, Values(output.Representation[b]), 1e-6, $"representation of protein {b}");
        }
        states.Dispose();
        lastStates.Dispose();
    }

    [Theory]
    [InlineData(Architecture.RLstm)]
    [InlineData(Architecture.ALstm)]
    public void Initial_weights_are_uniform_within_0_05_and_every_bias_is_zero(Architecture architecture)
    {
        manual_seed(5);
        using var network = LocalizationNetwork.Create(new ModelConfig(architecture, 4, Hidden: 16, Dense: 12, AttentionSize: 10));
        foreach (var (name, parameter) in network.named_parameters())
        {
            double[] values = Values(parameter);
            if (name.Split('.')[^1].StartsWith("bias", StringComparison.Ordinal))
                Assert.True(values.All(v => v == 0), $"{name} should start at zero; it ranges over [{values.Min()}, {values.Max()}].");
            else
            {
                Assert.True(values.All(v => Math.Abs(v) <= 0.05), $"{name} should be within ±0.05; it ranges over [{values.Min()}, {values.Max()}].");
                if (values.Length >= 40)
                    Assert.True(values.Max() > 0.03 && values.Min() < -0.03, $"{name} should spread over ±0.05: [{values.Min()}, {values.Max()}].");
            }
        }
    }

    [Theory]
    [InlineData(Architecture.RLstm)]
    [InlineData(Architecture.ALstm)]
    public void Parameter_names_and_shapes_are_the_model_file_format(Architecture architecture)
    {
        using var network = Create(architecture, seed: 6);
        var expected = new Dictionary<string, long[]>
        {
            ["conv.convs.0.weight"] = [2, 60, 1], ["conv.convs.0.bias"] = [2],
            ["conv.convs.1.weight"] = [2, 60, 3], ["conv.convs.1.bias"] = [2],
            ["conv.convs.2.weight"] = [2, 60, 5], ["conv.convs.2.bias"] = [2],
            ["head.dense.weight"] = [4, 6], ["head.dense.bias"] = [4],
            ["head.output.weight"] = [3, 4], ["head.output.bias"] = [3],
        };
        foreach (string direction in new[] { "forwardLstm", "reverseLstm" })
        {
            expected[$"lstm.{direction}.weight_ih_l0"] = [12, 6];
            expected[$"lstm.{direction}.weight_hh_l0"] = [12, 3];
            expected[$"lstm.{direction}.bias_ih_l0"] = [12];
            expected[$"lstm.{direction}.bias_hh_l0"] = [12];
        }
        if (architecture == Architecture.ALstm)
        {
            expected["attention.project.weight"] = [3, 6];
            expected["attention.score.weight"] = [1, 3];
        }

        var actual = network.state_dict().ToDictionary(p => p.Key, p => p.Value.shape);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, shape) in expected) Assert.Equal(shape, actual[name]);
    }

    [Fact]
    public void Dropout_acts_in_training_mode_only()
    {
        using var network = Create(Architecture.ALstm, seed: 7);
        var random = new Random(7);
        using var batch = Batch(Protein(random, 10), Protein(random, 6));
        using var noGrad = no_grad();

        network.eval();
        double[] first = Values(network.call(batch.Features, batch.Lengths).Logits);
        double[] second = Values(network.call(batch.Features, batch.Lengths).Logits);
        network.train();
        double[] training = Values(network.call(batch.Features, batch.Lengths).Logits);
        network.eval();

        Assert.Equal(first, second);
        Assert.NotEqual(first, training);
    }
}
