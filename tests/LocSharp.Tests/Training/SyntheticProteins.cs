using LocSharp.Data;
using LocSharp.Models;
using LocSharp.Sequences;
using LocSharp.Training;

namespace LocSharp.Tests.Training;

/// <summary>
/// An easy three-location task: each location's proteins are rich in its own residues (basic, acidic or
/// hydrophobic), the rest random, so a network can learn it in a few epochs.
/// </summary>
static class SyntheticProteins
{
    public static readonly string[] Locations = ["Extracellular", "Mitochondrion", "Nucleus"];
    static readonly string[] Signatures = ["LIVF", "DE", "KR"];

    public static LabelledSequences Create(int count, int seed, int minLength = 15, int maxLength = 80, double signal = 0.6)
    {
        var random = new Random(seed);
        var ids = new List<string>();
        var sequences = new List<string>();
        var labels = new List<int>();
        for (int i = 0; i < count; i++)
        {
            int label = random.Next(Locations.Length);
            int length = random.Next(minLength, maxLength + 1);
            ids.Add($"P{seed:D2}{i:D4}");
            sequences.Add(new string(Enumerable.Range(0, length).Select(_ => random.NextDouble() < signal
                ? Signatures[label][random.Next(Signatures[label].Length)]
                : Residues.Standard[random.Next(20)]).ToArray()));
            labels.Add(label);
        }
        return new LabelledSequences(ids, sequences, labels, Locations);
    }

    /// <summary>The proteins as a DeepLoc-style FASTA ('>ID Location-U').</summary>
    public static string Fasta(LabelledSequences data) => string.Concat(Enumerable.Range(0, data.Count).Select(i =>
        $">{data.Ids[i]} {data.Locations[data.Labels[i]]}-U\n{data.Sequences[i]}\n"));

    /// <summary>A tiny network trained briefly: what the determinism and resume tests run.</summary>
    public static readonly TrainingOptions TinyOptions = new()
    {
        Architecture = Architecture.ALstm,
        Hidden = 4,
        Dense = 6,
        AttentionSize = 4,
        FiltersPerWidth = 2,
        ConvWidths = [1, 3],
        Dropout = 0.3,
        Epochs = 3,
        LearningRate = 1e-2,
        BatchSize = 8,
        MaxLength = 60,
        Seed = 3,
    };

    public static readonly DataDescription Description = new("synthetic", null, [], null);
}
