using LocSharp.Data;
using LocSharp.Explain;

namespace LocSharp.Tests.Explain;

public class SignalAttentionTests
{
    [Fact]
    public void WholeProtein_MassIsTheWeightInsideAndExpectationTheSignalsShareOfTheLength()
    {
        // Residues 1..5 with weights 1/2, 1/4, 1/8, 1/16, 1/16; signal peptide 1..2.
        // mass = 1/2 + 1/4 = 0.75; uniform expectation = 2 / 5 = 0.4; enrichment = 0.75 / 0.4 = 1.875.
        float[] weights = [0.5f, 0.25f, 0.125f, 0.0625f, 0.0625f];

        var m = SignalAttentionMeasure.Measure(weights, originalLength: 5, maxLength: 1000, new SortingSignal(SignalType.SignalPeptide, 1, 2))!;

        Assert.Equal(SignalType.SignalPeptide, m.Type);
        Assert.Equal(2, m.SignalResidues);
        Assert.Equal(5, m.LengthUsed);
        Assert.Equal(0.75, m.Mass, 12);
        Assert.Equal(0.4, m.Expected, 12);
        Assert.Equal(1.875, m.Enrichment, 12);
    }

    [Fact]
    public void TruncatedProtein_CountsOnlyTheSignalResiduesTheModelRead_InOriginalNumbering()
    {
        // 10 residues, maximum 6: the model reads residues 1, 2, 3 (head) and 8, 9, 10 (tail).
        // Weights over those six: 1/8, 1/8, 1/4, 1/4, 1/8, 1/8.
        // Signal anchor 2..8: residues read inside are 2, 3 and 8 (read positions 1, 2, 3):
        // mass = 1/8 + 1/4 + 1/4 = 0.625; expected = 3 / 6 = 0.5; enrichment = 1.25.
        // (Reading 2..8 as read positions would wrongly give 5 residues and mass 0.875.)
        float[] weights = [0.125f, 0.125f, 0.25f, 0.25f, 0.125f, 0.125f];

        var m = SignalAttentionMeasure.Measure(weights, originalLength: 10, maxLength: 6, new SortingSignal(SignalType.SignalAnchor, 2, 8))!;

        Assert.Equal(3, m.SignalResidues);
        Assert.Equal(6, m.LengthUsed);
        Assert.Equal(0.625, m.Mass, 12);
        Assert.Equal(0.5, m.Expected, 12);
        Assert.Equal(1.25, m.Enrichment, 12);
    }

    [Fact]
    public void NTerminalSignalOfALongProtein_IsWholeInTheKeptHead()
    {
        // 1500 residues, maximum 1000: the head keeps residues 1..500, so a 30-residue transit peptide is read whole.
        // Uniform weights 1/1000: mass 30/1000 = expectation 30/1000, enrichment 1.
        float[] weights = Enumerable.Repeat(0.001f, 1000).ToArray();

        var m = SignalAttentionMeasure.Measure(weights, 1500, 1000, new SortingSignal(SignalType.MitochondrialTransitPeptide, 1, 30))!;

        Assert.Equal(30, m.SignalResidues);
        Assert.Equal(1000, m.LengthUsed);
        Assert.Equal(0.03, m.Expected, 12);
        Assert.Equal(1, m.Enrichment, 5);
    }

    [Fact]
    public void SignalWhollyInTheCutOutMiddle_IsNotMeasured()
    {
        float[] weights = Enumerable.Repeat(1f / 6, 6).ToArray();
        Assert.Null(SignalAttentionMeasure.Measure(weights, 10, 6, new SortingSignal(SignalType.SignalAnchor, 4, 7)));
    }

    [Fact]
    public void WeightsOfAnotherLength_AreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            SignalAttentionMeasure.Measure([0.5f, 0.5f], 10, 6, new SortingSignal(SignalType.SignalPeptide, 1, 2)));
        Assert.Contains("Expected 6 weights", error.Message);
    }

    [Fact]
    public void Summary_AveragesPerKindInSignalTypeOrder_WithTheMedianOfTheRatios()
    {
        // SP:  mass 0.6, 2 of 10 → expected 0.2, enrichment 3
        //      mass 0.4, 1 of 10 → expected 0.1, enrichment 4
        //      mass 0.5, 5 of 10 → expected 0.5, enrichment 1
        //      means: mass 1.5/3 = 0.5, expected 0.8/3, enrichment 8/3; median of {1, 3, 4} = 3.
        // mTP: mass 0.5,  4 of 8 → 0.5,  enrichment 1
        //      mass 0.75, 2 of 8 → 0.25, enrichment 3
        //      means: mass 0.625, expected 0.375, enrichment 2; median of {1, 3} = (1 + 3) / 2 = 2.
        SignalAttention[] measures =
        [
            new(SignalType.MitochondrialTransitPeptide, 4, 8, 0.5),
            new(SignalType.SignalPeptide, 2, 10, 0.6),
            new(SignalType.SignalPeptide, 1, 10, 0.4),
            new(SignalType.MitochondrialTransitPeptide, 2, 8, 0.75),
            new(SignalType.SignalPeptide, 5, 10, 0.5),
        ];

        var summaries = SignalAttentionMeasure.Summarize(measures);

        Assert.Equal([SignalType.SignalPeptide, SignalType.MitochondrialTransitPeptide], summaries.Select(s => s.Type));
        var sp = summaries[0];
        Assert.Equal(3, sp.Count);
        Assert.Equal(0.5, sp.MeanMass, 12);
        Assert.Equal(0.8 / 3, sp.MeanExpected, 12);
        Assert.Equal(8.0 / 3, sp.MeanEnrichment, 12);
        Assert.Equal(3, sp.MedianEnrichment, 12);
        var mtp = summaries[1];
        Assert.Equal(2, mtp.Count);
        Assert.Equal(0.625, mtp.MeanMass, 12);
        Assert.Equal(0.375, mtp.MeanExpected, 12);
        Assert.Equal(2, mtp.MeanEnrichment, 12);
        Assert.Equal(2, mtp.MedianEnrichment, 12);
    }

    [Fact]
    public void Codes_AreTheMultiLocHeaderCodes()
    {
        Assert.Equal(["SP", "SA", "cTP", "mTP"], Enum.GetValues<SignalType>().Select(SignalAttentionMeasure.Code));
    }
}
