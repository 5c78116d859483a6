using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LocSharp.Models;

/// <summary>
/// Attention of the A-LSTM: a_t = tanh(h_t W_a) v_aᵀ, α = softmax(a) over real positions, c = Σ α_t h_t.
/// </summary>
public sealed class AdditiveAttention : Module<Tensor, Tensor, (Tensor Context, Tensor Weights)>
{
    private readonly Linear project; // W_a
    private readonly Linear score;   // v_a

    public AdditiveAttention(int stateSize, int attentionSize) : base(nameof(AdditiveAttention))
    {
        project = Linear(stateSize, attentionSize, hasBias: false);
        score = Linear(attentionSize, 1, hasBias: false);
        RegisterComponents();
    }

    /// <param name="states">[B, T, D] hidden states.</param>
    /// <param name="mask">[B, T] true at real positions.</param>
    /// <returns>Context [B, D] and weights α [B, T], zero at padding.</returns>
    public override (Tensor Context, Tensor Weights) forward(Tensor states, Tensor mask)
    {
        using var scope = NewDisposeScope();
        Tensor scores = score.call(tanh(project.call(states))).squeeze(-1);          // [B, T]
        Tensor masked = scores.masked_fill(mask.logical_not(), double.NegativeInfinity); // [B, T]
        Tensor weights = functional.softmax(masked, 1);                             // [B, T]
        Tensor context = bmm(weights.unsqueeze(1), states).squeeze(1);              // [B, D]
        return (context.MoveToOuterDisposeScope(), weights.MoveToOuterDisposeScope());
    }
}
