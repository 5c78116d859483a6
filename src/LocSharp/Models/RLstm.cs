using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LocSharp.Models;

/// <summary>
/// R-LSTM (Sønderby et al. 2015): convolutions → an LSTM reading forward and one reading the reversed sequence →
/// their last hidden states joined → dense → location logits.
/// </summary>
public sealed class RLstm : LocalizationNetwork
{
    private readonly ConvFrontEnd conv;
    private readonly Dropout convDropout;
    private readonly TwoWayLstm lstm;
    private readonly ClassifierHead head;

    public RLstm(ModelConfig config) : base(nameof(RLstm), config)
    {
        conv = new ConvFrontEnd(config.InputFeatures, config.ConvWidths, config.FiltersPerWidth);
        convDropout = Dropout(config.Dropout);
        lstm = new TwoWayLstm(conv.OutputChannels, config.Hidden);
        head = new ClassifierHead(config.RepresentationSize, config.Dense, config.Classes, config.Dropout, config.Membrane);
        RegisterComponents();
        InitializeUniform();
    }

    public override ConvFrontEnd FrontEnd => conv;

    /// <param name="features">[B, T, F]</param>
    /// <param name="lengths">[B] real lengths, int64 on the CPU.</param>
    public override ModelOutput forward(Tensor features, Tensor lengths)
    {
        using var scope = NewDisposeScope();
        Tensor convolved = convDropout.call(conv.call(features));   // [B, T, C]
        Tensor lastStates = lstm.LastStates(convolved, lengths);    // [B, 2H]
        var (logits, membrane) = head.call(lastStates);                  // [B, classes], [B]
        return new ModelOutput(logits, lastStates, null, membrane).MoveToOuterDisposeScope();
    }
}
