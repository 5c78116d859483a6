using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LocSharp.Models;

/// <summary>Dropout → dense (ReLU) → dropout → one logit per location.</summary>
public sealed class ClassifierHead : Module<Tensor, Tensor>
{
    private readonly Dropout inputDropout;
    private readonly Linear dense;
    private readonly Dropout denseDropout;
    private readonly Linear output;

    public ClassifierHead(int inputSize, int denseSize, int classes, double dropout) : base(nameof(ClassifierHead))
    {
        inputDropout = Dropout(dropout);
        dense = Linear(inputSize, denseSize);
        denseDropout = Dropout(dropout);
        output = Linear(denseSize, classes);
        RegisterComponents();
    }

    /// <param name="representation">[B, D]</param>
    /// <returns>[B, C] logits.</returns>
    public override Tensor forward(Tensor representation)
    {
        using var scope = NewDisposeScope();
        Tensor hidden = functional.relu(dense.call(inputDropout.call(representation))); // [B, dense]
        return output.call(denseDropout.call(hidden)).MoveToOuterDisposeScope();          // [B, C]
    }
}
