using TorchSharp.Modules;
using LocSharp.Data;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LocSharp.Models;

/// <summary>
/// A-LSTM (Sønderby et al. 2015): convolutions → bidirectional LSTM → attention over positions → context c →
/// dense → location logits. Returns the attention weights with the prediction.
/// </summary>
public sealed class ALstm : LocalizationNetwork
{
    private readonly ConvFrontEnd conv;
    private readonly Dropout convDropout;
    private readonly TwoWayLstm lstm;
    private readonly AdditiveAttention attention;
    private readonly ClassifierHead head;

    public ALstm(ModelConfig config) : base(nameof(ALstm), config)
    {
        conv = new ConvFrontEnd(config.InputFeatures, config.ConvWidths, config.FiltersPerWidth);
        convDropout = Dropout(config.Dropout);
        lstm = new TwoWayLstm(conv.OutputChannels, config.Hidden);
        attention = new AdditiveAttention(config.RepresentationSize, config.AttentionSize);
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
        Tensor convolved = convDropout.call(conv.call(features));               // [B, T, C]
        var (states, _) = lstm.call(convolved, lengths);                        // [B, T, 2H]
        Tensor mask = EncodedBatch.Mask(lengths, features.shape[1]);            // [B, T]
        var (context, weights) = attention.call(states, mask);                  // [B, 2H], [B, T]
        var (logits, membrane) = head.call(context);                                 // [B, classes], [B]
        return new ModelOutput(logits, context, weights, membrane).MoveToOuterDisposeScope();
    }
}
