using LocSharp.Data;
using LocSharp.Encoding;
using static TorchSharp.torch;

namespace LocSharp.Tests.Data;

[Collection(TorchCollection.Name)]
public class EncodedBatchTests
{
    static readonly string[] Sequences = ["MKV", "ACDEFG", "W", "LLLLL"];

    [Fact]
    public void Rows_hold_the_chosen_items_in_order_each_padded_with_zero_rows_to_the_longest()
    {
        int[] items = [1, 0, 2];
        using var batch = EncodedBatch.Create(Sequences, items);

        Assert.Equal([3L, 6L, 60L], batch.Features.shape);
        Assert.Equal(ScalarType.Float32, batch.Features.dtype);
        Assert.Equal(items, batch.Items);
        Assert.Equal([6L, 3L, 1L], batch.Lengths.data<long>().ToArray());
        Assert.Equal(ScalarType.Int64, batch.Lengths.dtype);

        float[] values = batch.Features.data<float>().ToArray();
        for (int b = 0; b < items.Length; b++)
        {
            string sequence = Sequences[items[b]];
            float[] row = values[(b * 6 * 60)..((b + 1) * 6 * 60)];
            Assert.Equal(ResidueEncoder.Encode(sequence), row[..(sequence.Length * 60)]);
            Assert.All(row[(sequence.Length * 60)..], v => Assert.Equal(0f, v));
        }
    }

    [Fact]
    public void PaddingFraction_is_padded_positions_over_all_positions()
    {
        using var batch = EncodedBatch.Create(Sequences, [1, 0, 2]);
        Assert.Equal(1 - 10.0 / 18, batch.PaddingFraction, 12);
        using var unpadded = EncodedBatch.Create(Sequences, [1]);
        Assert.Equal(0.0, unpadded.PaddingFraction);
    }

    [Fact]
    public void Mask_is_true_exactly_at_real_positions()
    {
        using var lengths = tensor(new long[] { 3, 5, 1 });
        using var mask = EncodedBatch.Mask(lengths, 5);
        Assert.Equal([3L, 5L], mask.shape);
        Assert.Equal(ScalarType.Bool, mask.dtype);
        Assert.Equal(
            [true, true, true, false, false,
             true, true, true, true, true,
             true, false, false, false, false],
            mask.data<bool>().ToArray());
    }

    [Fact]
    public void An_empty_batch_or_one_without_residues_is_refused()
    {
        Assert.Throws<ArgumentException>(() => EncodedBatch.Create(Sequences, []));
        Assert.Throws<ArgumentException>(() => EncodedBatch.Create(["", ""], [0, 1]));
    }
}
