using LocSharp.Sequences;
using LocSharp.Data;
using LocSharp.Models;
using static TorchSharp.torch;
using Module = TorchSharp.torch.nn.Module;

namespace LocSharp.Tests.Models;

/// <summary>Small seeded networks and inputs for the model tests.</summary>
static class TinyNetworks
{
    public static readonly string[] Locations = ["cytoplasmic", "nuclear", "secreted"];

    public static ModelConfig Config(Architecture architecture, double dropout = 0.5) => new(architecture, Locations.Length,
        ConvWidths: [1, 3, 5], FiltersPerWidth: 2, Hidden: 3, Dense: 4, AttentionSize: 3, Dropout: dropout);

    /// <summary>
    /// A network whose every parameter, biases included, is uniform in [-scale, scale]: large enough that padding,
    /// a missing mask or a wrong gradient shows in the outputs (the paper's ±0.05 with zero biases would hide them).
    /// </summary>
    public static LocalizationNetwork Create(Architecture architecture, int seed, double scale = 0.5, double dropout = 0.5)
    {
        manual_seed(seed);
        var network = LocalizationNetwork.Create(Config(architecture, dropout));
        Randomize(network, scale);
        network.eval();
        return network;
    }

    public static void Randomize(Module module, double scale)
    {
        using var noGrad = no_grad();
        foreach (var (_, parameter) in module.named_parameters()) nn.init.uniform_(parameter, -scale, scale);
    }

    public static Tensor Parameter(Module module, string name) =>
        module.named_parameters().FirstOrDefault(p => p.name == name).parameter
        ?? throw new ArgumentException($"No parameter '{name}'; the module has {string.Join(", ", module.named_parameters().Select(p => p.name))}.");

    public static T Child<T>(Module module, string name) where T : Module =>
        (T)module.named_children().Single(c => c.name == name).module;

    /// <summary>Copies <paramref name="values"/> (row-major) into the named parameter.</summary>
    public static void Set(Module module, string name, params double[] values)
    {
        var parameter = Parameter(module, name);
        using var noGrad = no_grad();
        using var source = tensor(values, dtype: parameter.dtype).view(parameter.shape);
        parameter.copy_(source);
    }

    /// <summary>A random protein of the given length over the 20 standard residues.</summary>
    public static string Protein(Random random, int length) =>
        new(Enumerable.Range(0, length).Select(_ => Residues.Standard[random.Next(20)]).ToArray());

    public static double[] Values(Tensor tensor) => tensor.detach().cpu().to(ScalarType.Float64).contiguous().data<double>().ToArray();

    /// <summary>Asserts two equally long arrays agree elementwise within <paramref name="tolerance"/>.</summary>
    public static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance,
                $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (difference {Math.Abs(expected[i] - actual[i]):E2}, tolerance {tolerance:E1}).");
    }

    public static EncodedBatch Batch(params string[] sequences) => EncodedBatch.Create(sequences, Enumerable.Range(0, sequences.Length).ToArray());
}
