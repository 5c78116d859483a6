using LocSharp.Data;
using Xunit.Abstractions;

namespace LocSharp.Tests.Data;

/// <summary>The real data sets in ../shared (see its README); each test passes with a note when they are absent.</summary>
public class SharedLabelledDataTests(ITestOutputHelper output)
{
    [Fact]
    public void MultiLoc_WithItsSplit_Has5959Proteins_1193InTest()
    {
        if (!SharedData.IsAvailable(output)) return;
        var set = LabelledDataReader.Read(SharedData.Path("data", "multiloc"), SharedData.Path("data", "multiloc", "split.tsv"));
        Assert.Equal(5959, set.Proteins.Count);
        Assert.Equal(SharedData.MultiLocLocations, set.Locations);
        Assert.Equal(["fold1", "fold2", "fold3", "fold4", "fold5", "test"], set.Partitions);
        Assert.Equal(1193, set.Select("test").Proteins.Count);
        Assert.Equal(5959 - 1193, set.Select("fold1", "fold2", "fold3", "fold4", "fold5").Proteins.Count);
        Assert.Equal(956, set.Select("fold1").Proteins.Count);

        var signals = set.Proteins.Where(p => p.Signal is not null).GroupBy(p => p.Signal!.Type).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(2295, signals[SignalType.SignalPeptide]);
        Assert.Equal(300, signals[SignalType.SignalAnchor]);
        Assert.Equal(449, signals[SignalType.ChloroplastTransitPeptide]);
        Assert.Equal(510, signals[SignalType.MitochondrialTransitPeptide]);
        Assert.Equal(new SortingSignal(SignalType.SignalPeptide, 1, 14), set.Proteins.Single(p => p.Id == "P20698").Signal);
        Assert.Equal(new SortingSignal(SignalType.SignalAnchor, 28, 48), set.Proteins.Single(p => p.Id == "P33754").Signal);
        LocationMapping.MultiLocToDeepLoc.CheckCovers(set.Locations);
    }

    [Fact]
    public void DeepLoc_HasTenLocationsPlusCytoplasmNucleus()
    {
        if (!SharedData.IsAvailable(output)) return;
        var set = LabelledDataReader.Read(SharedData.Path("data", "deeploc", "deeploc_dev.fasta"));
        Assert.Equal(1678, set.Proteins.Count);
        Assert.Equal(23, set.Proteins.Count(p => p.Location == "Cytoplasm-Nucleus"));
        Assert.Equal(
            LocationMapping.MultiLocToDeepLoc.Targets.Append("Cytoplasm-Nucleus").Order(StringComparer.Ordinal),
            set.Locations);
    }
}
