using LocSharp.Encoding;
using LocSharp.Explain.Figures;
using LocSharp.Models;
using LocSharp.Sequences;
using static TorchSharp.torch;

namespace LocSharp.Explain;

/// <summary>Which residue weights of a first-layer filter to draw.</summary>
public enum FilterWeightKind
{
    /// <summary>
    /// What each residue adds to the activation through its whole 60-feature encoding (one-hot, BLOSUM80 and HSDM
    /// rows): e_r · W[:, j], centred per position. A residue's encoding is fixed, so this is exactly the one-hot
    /// filter that computes the same activation. Centring subtracts the mean over the 20 residues at each position:
    /// one residue sits at every position, so a constant per position only shifts the bias. Profile features (80-
    /// feature models) depend on the alignment, not the residue, and are left out.
    /// </summary>
    Effective,

    /// <summary>The raw weights of the 20 one-hot features, as they are.</summary>
    OneHot,
}

/// <summary>The first-layer convolution filters of a network, as [20, width] residue weights.</summary>
public static class FilterWeights
{
    /// <summary>
    /// Every filter of <paramref name="network"/>, widths in the network's order, each named
    /// "{prefix}conv{width}_f{k}" (k = 1, 2, ... within the width).
    /// </summary>
    public static IReadOnlyList<(int Width, IReadOnlyList<NamedFilter> Filters)> Extract(LocalizationNetwork network,
        FilterWeightKind kind = FilterWeightKind.Effective, string prefix = "")
    {
        var result = new List<(int, IReadOnlyList<NamedFilter>)>();
        int inputFeatures = network.Config.InputFeatures;
        foreach (var conv in network.FrontEnd.Convolutions)
        {
            using var scope = NewDisposeScope(); // detach, cpu and to make intermediates
            var weight = conv.weight!.detach().cpu().to(ScalarType.Float32).contiguous(); // [filters, F, width]
            int filters = (int)weight.shape[0], width = (int)weight.shape[2];
            float[] values = weight.data<float>().ToArray();
            var named = new List<NamedFilter>(filters);
            for (int f = 0; f < filters; f++)
            {
                float At(int feature, int j) => values[(f * inputFeatures + feature) * width + j];
                named.Add(new NamedFilter($"{prefix}conv{width}_f{f + 1}", kind == FilterWeightKind.OneHot ? OneHot(At, width) : Effective(At, width)));
            }
            result.Add((width, named));
        }
        return result;
    }

    static float[,] OneHot(Func<int, int, float> w, int width)
    {
        var weights = new float[Residues.Standard.Length, width];
        for (int r = 0; r < Residues.Standard.Length; r++)
            for (int j = 0; j < width; j++) weights[r, j] = w(r, j);
        return weights;
    }

    static float[,] Effective(Func<int, int, float> w, int width)
    {
        int residues = Residues.Standard.Length;
        var weights = new float[residues, width];
        for (int j = 0; j < width; j++)
        {
            var column = new double[residues];
            for (int r = 0; r < residues; r++)
            {
                ReadOnlySpan<float> encoding = ResidueEncoder.Row(Residues.Standard[r]);
                for (int feature = 0; feature < ResidueEncoder.Features; feature++) column[r] += encoding[feature] * (double)w(feature, j);
            }
            double mean = column.Average();
            for (int r = 0; r < residues; r++) weights[r, j] = (float)(column[r] - mean);
        }
        return weights;
    }
}
