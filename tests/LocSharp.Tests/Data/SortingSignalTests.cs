using LocSharp.Data;

namespace LocSharp.Tests.Data;

public class SortingSignalTests
{
    [Theory]
    [InlineData("SP 14", SignalType.SignalPeptide, 1, 14)]
    [InlineData("SA 16 30", SignalType.SignalAnchor, 16, 30)]
    [InlineData("SA 1 21", SignalType.SignalAnchor, 1, 21)]
    [InlineData("cTP 43", SignalType.ChloroplastTransitPeptide, 1, 43)]
    [InlineData("mTP 12", SignalType.MitochondrialTransitPeptide, 1, 12)]
    [InlineData("  sp\t14 ", SignalType.SignalPeptide, 1, 14)]
    [InlineData("MTP 9", SignalType.MitochondrialTransitPeptide, 1, 9)]
    public void Annotation_GivesTypeAndOneBasedInclusiveRange(string description, SignalType type, int start, int end)
    {
        Assert.Equal(new SortingSignal(type, start, end), SortingSignal.Parse(description));
    }

    [Fact]
    public void Length_CountsBothEnds()
    {
        Assert.Equal(15, new SortingSignal(SignalType.SignalAnchor, 16, 30).Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Protein kinase C OS=Homo sapiens")]
    [InlineData("SPX 14")]
    public void DescriptionNotStartingWithASignalCode_HasNoSignal(string description)
    {
        Assert.Null(SortingSignal.Parse(description));
    }

    [Theory]
    [InlineData("SP")]
    [InlineData("SP x")]
    [InlineData("SP 0")]
    [InlineData("SP -3")]
    [InlineData("SP 14 20")]
    [InlineData("SA 16")]
    [InlineData("SA 16 30 40")]
    [InlineData("cTP 4.5")]
    public void MalformedAnnotation_IsAFormatErrorShowingTheForms(string description)
    {
        var error = Assert.Throws<FormatException>(() => SortingSignal.Parse(description));
        Assert.Contains($"found '{description}'", error.Message);
        Assert.Contains("'SA a b'", error.Message);
    }

    [Fact]
    public void AnchorEndingBeforeItStarts_IsAFormatError()
    {
        var error = Assert.Throws<FormatException>(() => SortingSignal.Parse("SA 30 16"));
        Assert.Contains("ends before it starts", error.Message);
    }
}
