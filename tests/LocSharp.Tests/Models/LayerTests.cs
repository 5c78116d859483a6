using LocSharp.Models;
using static LocSharp.Tests.Models.TinyNetworks;
using static TorchSharp.torch;

namespace LocSharp.Tests.Models;

/// <summary>Each layer against a hand computation from weights set explicitly.</summary>
[Collection(TorchCollection.Name)]
public class LayerTests
{
    [Fact]
    public void AdditiveAttention_scores_v_tanh_W_h_softmaxes_over_real_positions_and_averages_the_states()
    {
        using var attention = new AdditiveAttention(stateSize: 2, attentionSize: 2);
        double[,] w = { { 0.5, -1.0 }, { 2.0, 0.25 } };                  // W_a as stored: [attention, state]
        double[] v = [1.0, -0.5];
        Set(attention, "project.weight", 0.5, -1.0, 2.0, 0.25);
        Set(attention, "score.weight", v);
        double[][][] h =
        [
            [[1, 2], [-1, 0.5], [3, 3]],      // two real positions, one padded
            [[0.2, -0.4], [1.5, 0], [0, 1]],  // three real positions
        ];
        int[] lengths = [2, 3];
        using var states = tensor(h.SelectMany(r => r.SelectMany(s => s)).Select(x => (float)x).ToArray(), [2, 3, 2]);
        using var mask = tensor(new[] { true, true, false, true, true, true }, [2, 3]);

        var (context, weights) = attention.call(states, mask);

        for (int b = 0; b < 2; b++)
        {
            double[] scores = h[b].Take(lengths[b]).Select(s =>
                Enumerable.Range(0, 2).Sum(a => v[a] * Math.Tanh(w[a, 0] * s[0] + w[a, 1] * s[1]))).ToArray();
            double max = scores.Max();
            double[] alpha = scores.Select(s => Math.Exp(s - max) / scores.Sum(t => Math.Exp(t - max))).ToArray();
            double[] expectedWeights = [.. alpha, .. Enumerable.Repeat(0.0, 3 - lengths[b])];
            double[] expectedContext = Enumerable.Range(0, 2).Select(d => Enumerable.Range(0, lengths[b]).Sum(t => alpha[t] * h[b][t][d])).ToArray();
            AssertClose(expectedWeights, Values(weights[b]), 1e-6, $"weights of row {b}");
            AssertClose(expectedContext, Values(context[b]), 1e-6, $"context of row {b}");
        }
        Assert.Equal(0.0, Values(weights[0])[2]);
        context.Dispose();
        weights.Dispose();
    }

    [Fact]
    public void ConvFrontEnd_is_same_padded_cross_correlation_with_ReLU_widths_joined_in_order()
    {
        using var front = new ConvFrontEnd(inputFeatures: 2, widths: [1, 3], filtersPerWidth: 1);
        double[] w1 = [0.5, -1.0], b1 = [0.1];                          // [filter, feature, 1]
        double[,] w3 = { { 1.0, -2.0, 0.5 }, { 0.25, 0.0, -1.0 } };    // [feature, offset -1..+1]
        double[] b3 = [-0.2];
        Set(front, "convs.0.weight", w1);
        Set(front, "convs.0.bias", b1);
        Set(front, "convs.1.weight", 1.0, -2.0, 0.5, 0.25, 0.0, -1.0);
        Set(front, "convs.1.bias", b3);
        double[,] x = { { 1, 0 }, { -2, 1 }, { 0.5, 3 }, { 1, -1 } };  // [T = 4, F = 2]
        using var input = tensor(x.Cast<double>().Select(v => (float)v).ToArray(), [1, 4, 2]);

        using var result = front.call(input);

        Assert.Equal([1L, 4L, 2L], result.shape);
        var expected = new List<double>();
        for (int t = 0; t < 4; t++)
        {
            double narrow = b1[0] + w1[0] * x[t, 0] + w1[1] * x[t, 1];
            double wide = b3[0];
            for (int k = 0; k < 3; k++)
            {
                int s = t + k - 1;                                        // 'same' padding: zeros outside the protein
                if (s is >= 0 and < 4) wide += w3[0, k] * x[s, 0] + w3[1, k] * x[s, 1];
            }
            expected.Add(Math.Max(0, narrow));
            expected.Add(Math.Max(0, wide));
        }
        AssertClose(expected, Values(result), 1e-6, "convolution");
        Assert.Contains(0.0, expected);                                   // the ReLU cut something
        Assert.Equal(2, front.OutputChannels);
    }

    [Fact]
    public void ConvFrontEnd_keeps_the_length_even_for_filters_wider_than_the_protein()
    {
        using var front = new ConvFrontEnd(60, ModelConfig.PaperConvWidths, 10);
        using var input = rand(2, 4, 60);
        using var result = front.call(input);
        Assert.Equal([2L, 4L, 60L], result.shape);
    }

    [Fact]
    public void ClassifierHead_is_dense_ReLU_then_output_and_drops_out_only_in_training()
    {
        using var head = new ClassifierHead(inputSize: 2, denseSize: 3, classes: 2, dropout: 0.5);
        double[,] w1 = { { 1, -1 }, { 0.5, 2 }, { -3, 0.25 } };
        double[] b1 = [0.1, -0.2, 0.3];
        double[,] w2 = { { 1, -2, 0.5 }, { -1, 0.75, 2 } };
        double[] b2 = [0.05, -0.05];
        Set(head, "dense.weight", w1.Cast<double>().ToArray());
        Set(head, "dense.bias", b1);
        Set(head, "output.weight", w2.Cast<double>().ToArray());
        Set(head, "output.bias", b2);
        double[][] x = [[0.5, -1], [2, 1]];
        using var input = tensor(x.SelectMany(r => r).Select(v => (float)v).ToArray(), [2, 2]);

        head.eval();
        using var logits = head.call(input).Locations;

        var expected = new List<double>();
        foreach (double[] row in x)
        {
            double[] hidden = Enumerable.Range(0, 3).Select(j => Math.Max(0, b1[j] + w1[j, 0] * row[0] + w1[j, 1] * row[1])).ToArray();
            for (int c = 0; c < 2; c++) expected.Add(b2[c] + Enumerable.Range(0, 3).Sum(j => w2[c, j] * hidden[j]));
        }
        AssertClose(expected, Values(logits), 1e-6, "logits");

        head.train();
        manual_seed(1);
        bool changed = Enumerable.Range(0, 5).Any(_ =>
        {
            using var dropped = head.call(input).Locations;
            return !Values(dropped).SequenceEqual(Values(logits));
        });
        head.eval();
        Assert.True(changed, "dropout should change the logits in training mode");
    }
}
