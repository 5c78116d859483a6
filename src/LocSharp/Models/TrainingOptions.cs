using LocSharp.Encoding;

namespace LocSharp.Models;

/// <summary>How the learning rate changes over the epochs.</summary>
public enum LearningRateSchedule
{
    /// <summary>The same rate every epoch (the paper).</summary>
    Constant,

    /// <summary>Cosine decay from the rate to zero over the epochs.</summary>
    Cosine,
}

/// <summary>
/// Everything that decides what a training run produces. Defaults are the paper's settings (Sønderby et al.
/// 2015): Adam, learning rate 2e-4, dropout 0.5, 100 epochs. Precedence: these defaults, then a config file,
/// then command-line flags.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>R-LSTM or A-LSTM.</summary>
    public Architecture Architecture { get; init; } = Architecture.RLstm;

    /// <summary>LSTM units per direction.</summary>
    public int Hidden { get; init; } = 256;

    /// <summary>Units of the dense layer.</summary>
    public int Dense { get; init; } = 200;

    /// <summary>Columns of the attention matrix W_a (A-LSTM).</summary>
    public int AttentionSize { get; init; } = 400;

    /// <summary>Widths of the first-layer convolutions.</summary>
    public IReadOnlyList<int> ConvWidths { get => convWidths; init => convWidths = new(value); }

    // Compared by value in the record's generated equality (a resume must use the same widths).
    readonly ValueList<int> convWidths = new(ModelConfig.PaperConvWidths);

    /// <summary>Filters per convolution width.</summary>
    public int FiltersPerWidth { get; init; } = 10;

    /// <summary>Dropout probability on the non-recurrent connections.</summary>
    public double Dropout { get; init; } = 0.5;

    /// <summary>Passes over the training data.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>Adam's learning rate.</summary>
    public double LearningRate { get; init; } = 2e-4;

    /// <summary>Learning-rate schedule over the epochs.</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Constant;

    /// <summary>L2 weight decay added by Adam (0 = none).</summary>
    public double WeightDecay { get; init; }

    /// <summary>Clip the gradients' total norm to this value (0 = no clipping).</summary>
    public double ClipNorm { get; init; }

    /// <summary>Proteins per batch; batches hold proteins of similar length.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Longer proteins are cut from the middle to this length.</summary>
    public int MaxLength { get; init; } = Truncation.DefaultMaxLength;

    /// <summary>Seeds initialisation, batch order and dropout: the same seed gives the same model.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Weigh the cross-entropy of location c by (n_c / mean n)^−power against class imbalance (0 = off).</summary>
    public double ClassWeightPower { get; init; }

    /// <summary>Read evolutionary profiles: 80 features per residue instead of 60.</summary>
    public bool Profiles { get; init; }

    /// <summary>Also learn membrane-bound vs soluble from the data's flags (a second output; unknown flags add no loss).</summary>
    public bool Membrane { get; init; }

    public int InputFeatures => Profiles ? ResidueEncoder.Features + ResidueEncoder.ProfileFeatures : ResidueEncoder.Features;

    public ModelConfig ToModelConfig(int classes) => new(Architecture, classes, InputFeatures, ConvWidths,
        FiltersPerWidth, Hidden, Dense, AttentionSize, Dropout, Membrane);

    public double LearningRateAt(int epoch) => Schedule switch
    {
        LearningRateSchedule.Constant => LearningRate,
        LearningRateSchedule.Cosine => LearningRate * 0.5 * (1 + Math.Cos(Math.PI * epoch / Epochs)),
        _ => throw new ArgumentOutOfRangeException(nameof(Schedule)),
    };

    public void Validate()
    {
        if (Epochs < 1) throw new InvalidSettingException($"Epochs must be at least 1, not {Epochs}.");
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) throw new InvalidSettingException($"The learning rate must be positive, not {LearningRate}.");
        if (BatchSize < 1) throw new InvalidSettingException($"The batch size must be at least 1, not {BatchSize}.");
        if (MaxLength < 2) throw new InvalidSettingException($"The maximum length must be at least 2, not {MaxLength}.");
        if (!(WeightDecay >= 0) || !(ClipNorm >= 0) || !double.IsFinite(WeightDecay) || !double.IsFinite(ClipNorm))
            throw new InvalidSettingException($"Weight decay and clip norm must be finite and not negative, not {WeightDecay} and {ClipNorm}.");
        if (!(ClassWeightPower is >= 0 and <= 2)) throw new InvalidSettingException($"The class-weight power must be in [0, 2], not {ClassWeightPower}.");
        ToModelConfig(2).Validate();
    }
}
