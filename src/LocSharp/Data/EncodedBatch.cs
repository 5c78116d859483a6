using LocSharp.Encoding;
using LocSharp.Profiles;
using TorchSharp;
using static TorchSharp.torch;

namespace LocSharp.Data;

/// <summary>
/// A batch of encoded proteins padded with zeros to the longest one. <see cref="Lengths"/> is the mask: position t
/// of protein b is real when t &lt; Lengths[b], and no model reads the others.
/// </summary>
public sealed class EncodedBatch : IDisposable
{
    /// <summary>[B, T, F] residue features; padded rows are zero.</summary>
    public Tensor Features { get; }

    /// <summary>[B] real lengths (int64, on the CPU as packing requires).</summary>
    public Tensor Lengths { get; }

    /// <summary>Which items of the source list the rows are, in row order.</summary>
    public IReadOnlyList<int> Items { get; }

    /// <summary>Padded positions over all positions of the batch.</summary>
    public double PaddingFraction { get; }

    EncodedBatch(Tensor features, Tensor lengths, IReadOnlyList<int> items, double paddingFraction)
    {
        Features = features;
        Lengths = lengths;
        Items = items;
        PaddingFraction = paddingFraction;
    }

    /// <summary>Encodes <paramref name="sequences"/> (already truncated) at the given items.</summary>
    /// <param name="profiles">With 80 features, the sequences' profiles (truncated alike), index for index.</param>
    public static EncodedBatch Create(IReadOnlyList<string> sequences, IReadOnlyList<int> items, int features = ResidueEncoder.Features,
        IReadOnlyList<Profile>? profiles = null)
    {
        if (items.Count == 0) throw new ArgumentException("A batch needs at least one protein.", nameof(items));
        int longest = items.Max(i => sequences[i].Length);
        if (longest == 0) throw new ArgumentException("A batch needs at least one residue.", nameof(items));
        var buffer = new float[items.Count * longest * features];
        var lengths = new long[items.Count];
        long real = 0;
        for (int b = 0; b < items.Count; b++)
        {
            string sequence = sequences[items[b]];
            ResidueEncoder.Encode(sequence, buffer.AsSpan(b * longest * features, sequence.Length * features), features, profiles?[items[b]]);
            lengths[b] = sequence.Length;
            real += sequence.Length;
        }
        return new EncodedBatch(
            tensor(buffer, new long[] { items.Count, longest, features }),
            tensor(lengths),
            items.ToArray(),
            1 - (double)real / (items.Count * (long)longest));
    }

    /// <summary>[B, T] true at real positions.</summary>
    public static Tensor Mask(Tensor lengths, long steps) =>
        arange(steps, device: lengths.device).unsqueeze(0) < lengths.unsqueeze(1);

    public void Dispose()
    {
        Features.Dispose();
        Lengths.Dispose();
    }
}
