using LocSharp.Models;
using LocSharp.Sequences;

namespace LocSharp.Tests;

/// <summary>Untrained networks small enough to run in milliseconds, and sequences to feed them.</summary>
static class TinyModels
{
    public static readonly string[] Locations = ["ER", "mitochondrial", "nuclear"];

    /// <summary>Widths 1 and 3, two filters each, 4 hidden units per direction (representation of 8).</summary>
    /// <param name="weightScale">If set, every parameter is redrawn uniform in ±scale, so different proteins get
    /// visibly different outputs (the paper's ±0.05 with zero biases makes an untrained network nearly constant).</param>
    public static TrainedModel Create(Architecture architecture, int maxLength = 50, int networks = 1, double? weightScale = null)
    {
        TorchSharp.torch.random.manual_seed(7);
        var config = new ModelConfig(architecture, Locations.Length, ConvWidths: [1, 3], FiltersPerWidth: 2, Hidden: 4, Dense: 4, AttentionSize: 4);
        var created = Enumerable.Range(0, networks).Select(_ => LocalizationNetwork.Create(config)).ToList();
        if (weightScale is double scale)
            using (TorchSharp.torch.no_grad())
                foreach (var (_, parameter) in created.SelectMany(n => n.named_parameters()))
                    TorchSharp.torch.nn.init.uniform_(parameter, -scale, scale);
        return new TrainedModel(created, Locations, maxLength);
    }

    /// <summary>Saves a tiny model to <paramref name="path"/> and returns the path.</summary>
    public static string Save(string path, Architecture architecture, int maxLength = 50, int networks = 1, double? weightScale = null)
    {
        using var model = Create(architecture, maxLength, networks, weightScale);
        ModelFile.Save(model, path);
        return path;
    }

    /// <summary>A sequence of <paramref name="length"/> standard residues, starting at residue <paramref name="offset"/>.</summary>
    public static string Sequence(int length, int offset = 0) =>
        new(Enumerable.Range(0, length).Select(i => Residues.Standard[(i * 7 + offset) % Residues.Standard.Length]).ToArray());
}
