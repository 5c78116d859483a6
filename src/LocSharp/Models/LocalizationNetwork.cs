using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LocSharp.Models;

/// <summary>
/// A convolutional LSTM network of Sønderby, Sønderby, Nielsen &amp; Winther 2015, "Convolutional LSTM Networks for
/// Subcellular Localization of Proteins": encoded residues and their real lengths in, location logits out.
/// </summary>
public abstract class LocalizationNetwork : Module<Tensor, Tensor, ModelOutput>
{
    static LocalizationNetwork() => TorchRuntime.UseLibtorchKernels();

    protected LocalizationNetwork(string name, ModelConfig config) : base(name)
    {
        config.Validate();
        Config = config;
    }

    public ModelConfig Config { get; }

    /// <summary>The first layer, whose filters `explain filters` draws.</summary>
    public abstract ConvFrontEnd FrontEnd { get; }

    public static LocalizationNetwork Create(ModelConfig config) => config.Architecture switch
    {
        Architecture.RLstm => new RLstm(config),
        Architecture.ALstm => new ALstm(config),
        _ => throw new ArgumentOutOfRangeException(nameof(config), config.Architecture, "Unknown architecture."),
    };

    /// <summary>The paper's initialisation: weights uniform in [-scale, scale], biases zero.</summary>
    /// <remarks>A bias is a parameter whose own name starts with "bias": Linear and Conv1d call it "bias", libtorch's
    /// LSTM "bias_ih_l0" and "bias_hh_l0".</remarks>
    protected void InitializeUniform(double scale = 0.05)
    {
        using var noGrad = no_grad();
        foreach (var (name, parameter) in named_parameters())
        {
            if (name[(name.LastIndexOf('.') + 1)..].StartsWith("bias", StringComparison.Ordinal)) init.zeros_(parameter);
            else init.uniform_(parameter, -scale, scale);
        }
    }
}
