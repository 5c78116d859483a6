using LocSharp.Models;
using static TorchSharp.torch;

namespace LocSharp.Tests.Cli;

/// <summary>Small untrained model files for command tests.</summary>
static class TinyModelFile
{
    public static readonly string[] Locations = ["cytoplasmic", "nuclear", "secreted"];

    /// <summary>Saves a seeded tiny network; weights are widened so different inputs give visibly different outputs.</summary>
    public static string Write(TempDirectory directory, string name = "tiny.lsm", Architecture architecture = Architecture.RLstm,
        int maxLength = 50, int seed = 3, string[]? locations = null)
    {
        locations ??= Locations;
        manual_seed(seed);
        var network = LocalizationNetwork.Create(new ModelConfig(architecture, locations.Length, ConvWidths: [1, 3],
            FiltersPerWidth: 2, Hidden: 4, Dense: 4, AttentionSize: 4));
        using (no_grad())
            foreach (var (_, parameter) in network.named_parameters()) nn.init.uniform_(parameter, -0.5, 0.5);
        using var model = new TrainedModel([network], locations, maxLength);
        string path = directory.Path(name);
        ModelFile.Save(model, path);
        return path;
    }
}
