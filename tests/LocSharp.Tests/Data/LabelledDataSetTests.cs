using LocSharp.Data;

namespace LocSharp.Tests.Data;

public class LabelledDataSetTests
{
    static LabelledProtein Protein(string id, string location, string? partition = null) => new(id, "MK", location, partition, null);

    [Fact]
    public void Locations_AreDistinctAndSortedOrdinally_UpperCaseFirst()
    {
        var set = new LabelledDataSet([Protein("a", "nuclear"), Protein("b", "ER"), Protein("c", "chloroplast"), Protein("d", "Golgi"), Protein("e", "ER")], "test");
        Assert.Equal(["ER", "Golgi", "chloroplast", "nuclear"], set.Locations);
        Assert.Equal([0, 1, 2, 3], set.Locations.Select(set.LocationIndex));
        Assert.Throws<ArgumentException>(() => set.LocationIndex("vacuolar"));
    }

    [Fact]
    public void GivenLocations_AreKeptInTheirOrder_AndMustCoverTheProteins()
    {
        var set = new LabelledDataSet([Protein("a", "nuclear")], "test", ["nuclear", "ER"]);
        Assert.Equal(["nuclear", "ER"], set.Locations);
        Assert.Throws<ArgumentException>(() => new LabelledDataSet([Protein("a", "Golgi")], "test", ["ER"]));
        Assert.Throws<ArgumentException>(() => new LabelledDataSet([Protein("a", "ER")], "test", ["ER", "ER"]));
    }

    [Fact]
    public void Select_KeepsReadingOrderAndTheFullLocationList()
    {
        var set = new LabelledDataSet(
            [Protein("a", "nuclear", "fold1"), Protein("b", "ER", "test"), Protein("c", "Golgi", "fold2"), Protein("d", "ER", "fold1")], "test");
        Assert.Equal(["fold1", "fold2", "test"], set.Partitions);
        var folds = set.Select(["fold2", "fold1"]);
        Assert.Equal(["a", "c", "d"], folds.Proteins.Select(p => p.Id));
        Assert.Equal(["ER", "Golgi", "nuclear"], folds.Locations);
        Assert.Equal(["b"], set.Select("test").Proteins.Select(p => p.Id));
        Assert.Equal(["ER", "Golgi", "nuclear"], set.Select("test").Locations);
    }

    [Fact]
    public void Select_UnknownPartition_NamesItAndTheKnownOnes()
    {
        var set = new LabelledDataSet([Protein("a", "ER", "fold1"), Protein("b", "ER", "test")], "data");
        var error = Assert.Throws<LabelledDataException>(() => set.Select("fold1", "fold6"));
        Assert.Equal("data: unknown partition 'fold6'; the split has fold1, test.", error.Message);
    }

    [Fact]
    public void Select_WithoutASplit_SaysToGiveOne()
    {
        var set = new LabelledDataSet([Protein("a", "ER")], "data");
        Assert.Empty(set.Partitions);
        var error = Assert.Throws<LabelledDataException>(() => set.Select("test"));
        Assert.Contains("the data has no split", error.Message);
    }

    [Fact]
    public void Select_NoPartition_IsAnError()
    {
        var set = new LabelledDataSet([Protein("a", "ER", "test")], "data");
        Assert.Contains("no partition was named", Assert.Throws<LabelledDataException>(() => set.Select([])).Message);
    }
}
