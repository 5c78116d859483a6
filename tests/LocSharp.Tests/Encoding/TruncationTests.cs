using LocSharp.Sequences;
using LocSharp.Encoding;

namespace LocSharp.Tests.Encoding;

public class TruncationTests
{
    /// <summary>A seeded random protein, so a position mix-up shows as different residues.</summary>
    static string Protein(int length, int seed = 1)
    {
        var random = new Random(seed + length);
        return new string(Enumerable.Range(0, length).Select(_ => Residues.Standard[random.Next(20)]).ToArray());
    }

    [Theory]
    [InlineData(999)]
    [InlineData(1000)]
    public void A_protein_no_longer_than_the_maximum_is_kept_whole(int length)
    {
        string protein = Protein(length);
        Assert.False(Truncation.IsTruncated(length, 1000));
        Assert.Same(protein, Truncation.Truncate(protein, 1000));
        for (int k = 0; k < length; k += 97) Assert.Equal(k, Truncation.OriginalPosition(k, length, 1000));
    }

    [Theory]
    // length, max, last kept head position, first kept tail position (both in the original)
    [InlineData(1001, 1000, 499, 501)]
    [InlineData(5430, 1000, 499, 4930)]
    [InlineData(1001, 999, 499, 502)]
    [InlineData(10, 7, 3, 7)]
    [InlineData(3, 2, 0, 2)]
    public void A_longer_protein_keeps_the_first_half_rounded_up_and_the_last_half_rounded_down(int length, int max, int headEnd, int tailStart)
    {
        string protein = Protein(length);
        string kept = Truncation.Truncate(protein, max);

        Assert.True(Truncation.IsTruncated(length, max));
        Assert.Equal(max, kept.Length);
        int head = headEnd + 1;
        Assert.Equal((max + 1) / 2, head);
        Assert.Equal(max / 2, length - tailStart);
        Assert.Equal(protein[..head], kept[..head]);
        Assert.Equal(protein[tailStart..], kept[head..]);
    }

    [Theory]
    [InlineData(1001, 1000)]
    [InlineData(5430, 1000)]
    [InlineData(1001, 999)]
    [InlineData(10, 7)]
    public void OriginalPosition_maps_every_kept_position_to_where_its_residue_came_from(int length, int max)
    {
        string protein = Protein(length);
        string kept = Truncation.Truncate(protein, max);
        int previous = -1;
        for (int k = 0; k < kept.Length; k++)
        {
            int original = Truncation.OriginalPosition(k, length, max);
            Assert.True(original > previous, $"position {k} maps to {original}, not after {previous}");
            Assert.Equal(protein[original], kept[k]);
            previous = original;
        }
        Assert.Equal(0, Truncation.OriginalPosition(0, length, max));
        Assert.Equal(length - 1, Truncation.OriginalPosition(max - 1, length, max));
    }

    [Fact]
    public void OriginalPosition_for_the_paper_setting_on_the_longest_MultiLoc_protein()
    {
        Assert.Equal(499, Truncation.OriginalPosition(499, 5430, 1000));
        Assert.Equal(4930, Truncation.OriginalPosition(500, 5430, 1000));
        Assert.Equal(5429, Truncation.OriginalPosition(999, 5430, 1000));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_maximum_below_two_is_refused(int max) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Truncation.Truncate("MKV", max));
}
