using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LocSharp.Models;

/// <summary>Dropout → dense (ReLU) → dropout → one logit per location, and optionally one membrane-bound logit.</summary>
public sealed class ClassifierHead : Module<Tensor, (Tensor Locations, Tensor? Membrane)>
{
    private readonly Dropout inputDropout;
    private readonly Linear dense;
    private readonly Dropout denseDropout;
    private readonly Linear output;
    private readonly Linear? membrane;

    public ClassifierHead(int inputSize, int denseSize, int classes, double dropout, bool membraneOutput = false) : base(nameof(ClassifierHead))
    {
        inputDropout = Dropout(dropout);
        dense = Linear(inputSize, denseSize);
        denseDropout = Dropout(dropout);
        output = Linear(denseSize, classes);
        if (membraneOutput) membrane = Linear(denseSize, 1);
        RegisterComponents();
    }

    /// <param name="representation">[B, D]</param>
    /// <returns>[B, C] location logits; [B] membrane-bound logits, or null without that output.</returns>
    public override (Tensor Locations, Tensor? Membrane) forward(Tensor representation)
    {
        using var scope = NewDisposeScope();
        Tensor hidden = denseDropout.call(functional.relu(dense.call(inputDropout.call(representation)))); // [B, dense]
        Tensor locations = output.call(hidden).MoveToOuterDisposeScope();                                  // [B, C]
        Tensor? membraneLogit = membrane?.call(hidden).squeeze(1).MoveToOuterDisposeScope();              // [B]
        return (locations, membraneLogit);
    }
}
