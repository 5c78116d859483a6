using LocSharp.Encoding;
using LocSharp.Explain.Figures;

namespace LocSharp.Tests.Explain;

public class MiddlePaddingTests
{
    const float N = float.NaN;

    [Fact]
    public void EvenLength_HalfAtEachEnd()
    {
        // n = 4: first ⌈4/2⌉ = 2 on the left, last ⌊4/2⌋ = 2 on the right.
        Assert.Equal([1, 2, N, N, N, 3, 4], MiddlePadding.Align([1, 2, 3, 4], 7));
    }

    [Fact]
    public void OddLength_TheExtraResidueGoesLeft()
    {
        // n = 5: first ⌈5/2⌉ = 3 on the left, last ⌊5/2⌋ = 2 on the right.
        Assert.Equal([1, 2, 3, N, N, N, 4, 5], MiddlePadding.Align([1, 2, 3, 4, 5], 8));
    }

    [Fact]
    public void FullLength_IsCopiedUnchanged()
    {
        Assert.Equal([1, 2, 3, 4, 5], MiddlePadding.Align([1, 2, 3, 4, 5], 5));
    }

    [Fact]
    public void SingleResidue_SitsAtTheLeftEdge()
    {
        Assert.Equal([7, N, N], MiddlePadding.Align([7], 3));
    }

    [Fact]
    public void Empty_IsAllPadding()
    {
        Assert.Equal([N, N], MiddlePadding.Align([], 2));
    }

    [Fact]
    public void LongerThanTheWidth_DropsTheMiddleLikeTruncation()
    {
        const string sequence = "ABCDEFGHIJ";
        float[] values = sequence.Select(c => (float)c).ToArray();

        float[] row = MiddlePadding.Align(values, 5);

        Assert.Equal(Truncation.Truncate(sequence, 5), new string(row.Select(v => (char)v).ToArray())); // "ABCIJ"
    }

    [Fact]
    public void EveryRealValue_SitsInTheColumnNamedByItsPositionFromItsTerminus()
    {
        for (int width = 1; width <= 12; width++)
            for (int n = 0; n <= width; n++)
            {
                // Value k encodes its residue: k + 1 from the N-terminus in the first half, k − n from the C-terminus after.
                float[] values = Enumerable.Range(0, n).Select(k => (float)(k < (n + 1) / 2 ? k + 1 : k - n)).ToArray();
                float[] row = MiddlePadding.Align(values, width);
                Assert.Equal(n, row.Count(v => !float.IsNaN(v)));
                for (int c = 0; c < width; c++)
                    if (!float.IsNaN(row[c]))
                        Assert.Equal(MiddlePadding.PositionOfColumn(c, width), (int)row[c]);
            }
    }

    [Fact]
    public void PositionOfColumn_CountsFromEachEnd()
    {
        Assert.Equal([1, 2, 3, 4, -3, -2, -1], Enumerable.Range(0, 7).Select(c => MiddlePadding.PositionOfColumn(c, 7)));
        Assert.Equal([1, 2, 3, -3, -2, -1], Enumerable.Range(0, 6).Select(c => MiddlePadding.PositionOfColumn(c, 6)));
    }

    [Fact]
    public void ColumnOfPosition_InvertsPositionOfColumn()
    {
        for (int width = 1; width <= 9; width++)
            for (int c = 0; c < width; c++)
                Assert.Equal(c, MiddlePadding.ColumnOfPosition(MiddlePadding.PositionOfColumn(c, width), width));
        Assert.Throws<ArgumentOutOfRangeException>(() => MiddlePadding.ColumnOfPosition(5, 7)); // 5th from N is past the middle
        Assert.Throws<ArgumentOutOfRangeException>(() => MiddlePadding.ColumnOfPosition(0, 7));
    }

    [Fact]
    public void NaNInput_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => MiddlePadding.Align([1, float.NaN], 4));
    }

    [Fact]
    public void ZeroWidth_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MiddlePadding.Align([1], 0));
    }
}
