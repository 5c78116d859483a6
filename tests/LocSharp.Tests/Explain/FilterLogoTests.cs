using LocSharp.Explain;
using LocSharp.Sequences;

namespace LocSharp.Tests.Explain;

public class FilterLogoTests
{
    static float[,] Filter(int width, params (char Residue, int Position, float Weight)[] entries)
    {
        var w = new float[Residues.Standard.Length, width];
        foreach (var (residue, position, weight) in entries) w[Residues.StandardIndex(residue), position] = weight;
        return w;
    }

    // A hand-made 20 × 3 filter (values exact in binary, so heights are exact):
    //   position 1: R = 1.0, K = 0.5, H = 0.5, D = −1.0   → importance 1.0 + 0.5 + 0.5 = 2.0  (D ignored)
    //   position 2: L = 0.5, I = 0.25, E = −0.5           → importance 0.75                  (E ignored)
    //   position 3: A = −0.3, all others 0                → importance 0
    // Tallest column 2.0 → every height × 1/2:
    //   position 1: R 0.5, K 0.25, H 0.25 (sum 1, exactly the top); position 2: L 0.25, I 0.125; position 3: empty.
    // Bottom-up order = ascending height; H and K tie at 0.25, so they keep ARND… order (H before K): H, K, R.
    static readonly float[,] HandMade = Filter(3,
        ('R', 0, 1.0f), ('K', 0, 0.5f), ('H', 0, 0.5f), ('D', 0, -1.0f),
        ('L', 1, 0.5f), ('I', 1, 0.25f), ('E', 1, -0.5f),
        ('A', 2, -0.3f));

    [Fact]
    public void HandMadeFilter_HeightsAreThePositivePartsScaledSoTheTallestColumnIsOne()
    {
        var logo = FilterLogo.FromWeights(HandMade);

        Assert.Equal(0.5, logo.Scale);
        Assert.Equal(3, logo.Columns.Count);
        Assert.Equal([('H', 0.25), ('K', 0.25), ('R', 0.5)], logo.Columns[0].Letters.Select(l => (l.Residue, l.Height)));
        Assert.Equal([('I', 0.125), ('L', 0.25)], logo.Columns[1].Letters.Select(l => (l.Residue, l.Height)));
        Assert.Empty(logo.Columns[2].Letters);
        Assert.Equal(1.0, logo.Columns[0].Height);
        Assert.Equal(0.375, logo.Columns[1].Height);
    }

    [Fact]
    public void NegativeWeights_NeverAppear()
    {
        var logo = FilterLogo.FromWeights(HandMade);

        var drawn = logo.Columns.SelectMany(c => c.Letters).Select(l => l.Residue).ToHashSet();
        Assert.DoesNotContain('D', drawn);
        Assert.DoesNotContain('E', drawn);
        Assert.DoesNotContain('A', drawn);
    }

    [Fact]
    public void LettersWithinAColumn_LargestOnTop()
    {
        var logo = FilterLogo.FromWeights(Filter(1, ('W', 0, 0.1f), ('A', 0, 0.9f), ('C', 0, 0.4f)));

        Assert.Equal("WCA", string.Concat(logo.Columns[0].Letters.Select(l => l.Residue)));
    }

    [Fact]
    public void ScalingAllWeights_LeavesTheLogoUnchanged()
    {
        var doubled = (float[,])HandMade.Clone();
        for (int r = 0; r < 20; r++)
            for (int j = 0; j < 3; j++) doubled[r, j] *= 2;

        var a = FilterLogo.FromWeights(HandMade);
        var b = FilterLogo.FromWeights(doubled);
        Assert.Equal(a.Columns.SelectMany(c => c.Letters), b.Columns.SelectMany(c => c.Letters));
        Assert.Equal(a.Scale / 2, b.Scale);
    }

    [Fact]
    public void NoPositiveWeight_GivesEmptyColumnsAndScaleZero()
    {
        var logo = FilterLogo.FromWeights(Filter(2, ('G', 0, -1f), ('P', 1, -2f)));

        Assert.Equal(0, logo.Scale);
        Assert.All(logo.Columns, c => Assert.Empty(c.Letters));
    }

    [Fact]
    public void TransposedMatrix_IsRejectedWithAHint()
    {
        var error = Assert.Throws<ArgumentException>(() => FilterLogo.FromWeights(new float[9, 20]));
        Assert.Contains("transposed", error.Message);
    }

    [Fact]
    public void NaNWeight_IsRejected()
    {
        var w = Filter(2);
        w[3, 1] = float.NaN;
        var error = Assert.Throws<ArgumentException>(() => FilterLogo.FromWeights(w));
        Assert.Contains("position 2", error.Message);
    }
}
