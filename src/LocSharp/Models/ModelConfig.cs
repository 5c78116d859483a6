using LocSharp.Encoding;

namespace LocSharp.Models;

/// <summary>Which network reads the convolutional features.</summary>
public enum Architecture
{
    /// <summary>R-LSTM: the last real hidden states of a forward and a backward LSTM, joined.</summary>
    RLstm,

    /// <summary>A-LSTM: attention over the hidden states of a bidirectional LSTM.</summary>
    ALstm,
}

/// <summary>The sizes of one network; stored in model files, so every field is part of the file format.</summary>
/// <param name="Architecture">R-LSTM or A-LSTM.</param>
/// <param name="Classes">Number of locations the network tells apart.</param>
/// <param name="InputFeatures">Features per residue: 60, or 80 with a profile.</param>
/// <param name="ConvWidths">Widths of the first-layer convolutions.</param>
/// <param name="FiltersPerWidth">Filters of each width.</param>
/// <param name="Hidden">LSTM units per direction.</param>
/// <param name="Dense">Units of the dense layer before the softmax.</param>
/// <param name="AttentionSize">Columns of W_a (A-LSTM only).</param>
/// <param name="Dropout">Drop probability on the conv output, the LSTM output and the dense output.</param>
/// <param name="Membrane">Whether the network also predicts membrane-bound vs soluble (one more logit from the dense layer).</param>
public sealed record ModelConfig(
    Architecture Architecture,
    int Classes,
    int InputFeatures = ResidueEncoder.Features,
    IReadOnlyList<int>? ConvWidths = null,
    int FiltersPerWidth = 10,
    int Hidden = 256,
    int Dense = 200,
    int AttentionSize = 400,
    double Dropout = 0.5,
    bool Membrane = false)
{
    public static readonly IReadOnlyList<int> PaperConvWidths = [1, 3, 5, 9, 15, 21];

    public IReadOnlyList<int> ConvWidths { get; init; } = ConvWidths ?? PaperConvWidths;

    /// <summary>Length of the fixed-length representation: both directions' hidden states.</summary>
    public int RepresentationSize => 2 * Hidden;

    public void Validate()
    {
        if (Classes < 2) throw new InvalidSettingException($"A model needs at least 2 classes, not {Classes}.");
        if (InputFeatures != ResidueEncoder.Features && InputFeatures != ResidueEncoder.Features + ResidueEncoder.ProfileFeatures)
            throw new InvalidSettingException($"Input features must be {ResidueEncoder.Features} or {ResidueEncoder.Features + ResidueEncoder.ProfileFeatures}, not {InputFeatures}.");
        if (ConvWidths.Count == 0 || ConvWidths.Any(w => w < 1 || w % 2 == 0))
            throw new InvalidSettingException($"Convolution widths must be odd and positive: {string.Join(",", ConvWidths)}.");
        if (FiltersPerWidth < 1 || Hidden < 1 || Dense < 1 || AttentionSize < 1)
            throw new InvalidSettingException("Filter, hidden, dense and attention sizes must be positive.");
        if (!(Dropout >= 0 && Dropout < 1)) throw new InvalidSettingException($"Dropout must be in [0, 1), not {Dropout}.");
    }
}
