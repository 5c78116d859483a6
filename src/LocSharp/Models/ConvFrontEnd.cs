using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LocSharp.Models;

/// <summary>
/// First layer of Sønderby et al. 2015: 1-D convolutions of several widths over the residue features, 'same'
/// padding, ReLU, their outputs joined along the channel axis.
/// </summary>
public sealed class ConvFrontEnd : Module<Tensor, Tensor>
{
    private readonly ModuleList<Conv1d> convs;

    public int OutputChannels { get; }

    public ConvFrontEnd(int inputFeatures, IReadOnlyList<int> widths, int filtersPerWidth) : base(nameof(ConvFrontEnd))
    {
        convs = new ModuleList<Conv1d>(widths
            .Select(width => Conv1d(inputFeatures, filtersPerWidth, width, padding: width / 2))
            .ToArray());
        OutputChannels = widths.Count * filtersPerWidth;
        RegisterComponents();
    }

    /// <summary>The convolution of each width, for drawing its filters.</summary>
    public IReadOnlyList<Conv1d> Convolutions => convs.ToList();

    /// <param name="features">[B, T, F] residue features, zero at padding.</param>
    /// <returns>[B, T, C] with C = widths × filters.</returns>
    public override Tensor forward(Tensor features)
    {
        using var scope = NewDisposeScope();
        Tensor channelsFirst = features.transpose(1, 2);                         // [B, F, T]
        Tensor joined = cat(convs.Select(conv => conv.call(channelsFirst)).ToArray(), 1); // [B, C, T]
        return functional.relu(joined).transpose(1, 2).MoveToOuterDisposeScope(); // [B, T, C]
    }
}
