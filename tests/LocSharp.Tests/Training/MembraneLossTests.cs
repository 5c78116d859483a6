using LocSharp.Training;
using static TorchSharp.torch;

namespace LocSharp.Tests.Training;

/// <summary>The membrane-bound loss: binary cross-entropy over the proteins whose flag is known, hand-computed.</summary>
[Collection(TorchCollection.Name)]
public class MembraneLossTests
{
    static double Bce(double logit, bool membrane) => -Math.Log(membrane ? 1 / (1 + Math.Exp(-logit)) : 1 - 1 / (1 + Math.Exp(-logit)));

    [Fact]
    public void The_loss_is_the_mean_cross_entropy_of_the_known_flags()
    {
        using var logits = tensor(new[] { 1.5f, -0.5f, 2.0f, 0.25f });
        using var loss = MembraneLoss.Compute(logits, [true, null, false, true]);

        double expected = (Bce(1.5, true) + Bce(2.0, false) + Bce(0.25, true)) / 3;
        Assert.Equal(expected, loss.item<float>(), 5);
    }

    [Fact]
    public void Unknown_flags_neither_change_the_loss_nor_get_a_gradient()
    {
        using var logits = tensor(new[] { 0.7f, -3f, 1.2f }, requires_grad: true);
        using var other = tensor(new[] { 0.7f, 9f, 1.2f });
        bool?[] flags = [false, null, true];

        using var loss = MembraneLoss.Compute(logits, flags);
        using var changed = MembraneLoss.Compute(other, flags);
        loss.backward();
        float[] gradient = logits.grad!.data<float>().ToArray();

        Assert.Equal(loss.item<float>(), changed.item<float>());
        Assert.Equal(0f, gradient[1]);
        // d/dz of BCE(σ(z), y) averaged over 2 known flags is (σ(z) − y) / 2.
        Assert.Equal((1 / (1 + Math.Exp(-0.7)) - 0) / 2, gradient[0], 5);
        Assert.Equal((1 / (1 + Math.Exp(-1.2)) - 1) / 2, gradient[2], 5);
    }

    [Fact]
    public void A_batch_without_known_flags_has_zero_loss_and_zero_gradient()
    {
        using var logits = tensor(new[] { 0.3f, -1f }, requires_grad: true);
        using var loss = MembraneLoss.Compute(logits, [null, null]);
        loss.backward();

        Assert.Equal(0f, loss.item<float>());
        Assert.All(logits.grad!.data<float>().ToArray(), g => Assert.Equal(0f, g));
    }
}
