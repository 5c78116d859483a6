using LocSharp.Explain.Figures;
using LocSharp.Sequences;

namespace LocSharp.Tests.Explain;

public class FigurePaletteTests
{
    [Fact]
    public void UpToEightCategories_AreOkabeIto()
    {
        Assert.Equal(FigurePalette.OkabeIto.Take(5), FigurePalette.Categorical(5));
    }

    [Fact]
    public void ElevenLocations_GetElevenDistinctColours()
    {
        Assert.Equal(11, FigurePalette.Categorical(11).Distinct().Count());
    }

    [Fact]
    public void TooManyCategories_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FigurePalette.Categorical(FigurePalette.MaxCategories + 1));
    }

    [Fact]
    public void EveryStandardResidue_BelongsToExactlyOneChemistryClass()
    {
        foreach (char residue in Residues.Standard)
            Assert.Single(FigurePalette.ResidueClasses, c => c.Residues.Contains(residue));
        Assert.Equal(20, FigurePalette.ResidueClasses.Sum(c => c.Residues.Length));
    }

    [Fact]
    public void SpreadLabels_KeepsFarLabelsAndPushesCrowdedOnesApart()
    {
        Assert.Equal([10, 9, 8, 2], AttentionFigures.SpreadLabels([10, 9.5, 9, 2], gap: 1, low: 0));
        // Pushed below the bottom: the last label goes back up to low + gap/2, and the others above it.
        Assert.Equal([1.5, 0.5], AttentionFigures.SpreadLabels([1, 0.5], gap: 1, low: 0));
    }
}
