using LocSharp.Data;

namespace LocSharp.Tests.Data;

public sealed class LocationMappingTests : IDisposable
{
    readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void MultiLocToDeepLoc_MapsEveryMultiLocLocationOntoTheTenDeepLocOnes()
    {
        var mapping = LocationMapping.MultiLocToDeepLoc;
        Assert.Equal(
            ["Endoplasmic.reticulum", "Golgi.apparatus", "Plastid", "Cytoplasm", "Extracellular", "Lysosome/Vacuole",
             "Mitochondrion", "Nucleus", "Peroxisome", "Cell.membrane", "Lysosome/Vacuole"],
            SharedData.MultiLocLocations.Select(mapping.Map));
        Assert.Equal(10, mapping.Targets.Count);
        Assert.DoesNotContain("Cytoplasm-Nucleus", mapping.Targets);
        mapping.CheckCovers(SharedData.MultiLocLocations);
    }

    [Fact]
    public void LocationWithoutEntry_IsAnErrorNamingIt()
    {
        var error = Assert.Throws<LabelledDataException>(() => LocationMapping.MultiLocToDeepLoc.Map("Nucleus"));
        Assert.Contains("location 'Nucleus' has no entry in the mapping", error.Message);
        Assert.Contains("add an entry 'Nucleus=<target location>'", error.Message);
        Assert.StartsWith("the built-in mapping multiloc-to-deeploc: ", error.Message);
        Assert.Contains("'cytosol'", Assert.Throws<LabelledDataException>(() =>
            LocationMapping.MultiLocToDeepLoc.CheckCovers(["ER", "cytosol"])).Message);
    }

    [Fact]
    public void Pairs_AreParsed_IgnoringSpaces_ManyToOneAllowed()
    {
        var mapping = LocationMapping.ParsePairs("lysosomal=Lysosome/Vacuole, vacuolar = Lysosome/Vacuole,ER=Endoplasmic.reticulum,");
        Assert.Equal("Lysosome/Vacuole", mapping.Map("vacuolar"));
        Assert.Equal(["Endoplasmic.reticulum", "Lysosome/Vacuole"], mapping.Targets);
        Assert.Equal(3, mapping.Entries.Count);
    }

    [Theory]
    [InlineData("a=b,c", "expected 'from=to', found 'c'")]
    [InlineData("a=b=c", "expected 'from=to', found 'a=b=c'")]
    [InlineData("a=b,a=c", "location 'a' is mapped twice (to 'b' and to 'c')")]
    [InlineData("a=,c=d", "empty location name in 'a='")]
    [InlineData(",,", "no entries")]
    public void MalformedPairs_AreErrorsSayingWhatWasExpected(string pairs, string expected)
    {
        var error = Assert.Throws<LabelledDataException>(() => LocationMapping.ParsePairs(pairs));
        Assert.StartsWith($"location mapping '{pairs}': ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Tsv_IsRead_SkippingHeaderCommentsAndBlankLines()
    {
        string path = _temp.Write("map.tsv", "# MultiLoc to mine\nfrom\tto\n\nER\tsecretory\r\nGolgi\tsecretory\n");
        var mapping = LocationMapping.ReadTsv(path);
        Assert.Equal(("secretory", "secretory"), (mapping.Map("ER"), mapping.Map("Golgi")));
        Assert.Equal(path, mapping.Source);
    }

    [Theory]
    [InlineData("ER\tsecretory\nGolgi\n", 2, "expected two tab-separated location names")]
    [InlineData("ER\tsecretory\nGolgi\ta\tb\n", 2, "expected two tab-separated location names")]
    [InlineData("ER secretory\n", 1, "expected two tab-separated location names")]
    [InlineData("ER\tsecretory\n\nER\tother\n", 3, "location 'ER' is already mapped at line 1")]
    public void MalformedTsv_NamesTheLine(string text, int line, string expected)
    {
        string path = _temp.Write("map.tsv", text);
        var error = Assert.Throws<LabelledDataException>(() => LocationMapping.ReadTsv(path));
        Assert.Equal((path, line), (error.Source, error.Line));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void EmptyTsv_IsAnError()
    {
        string path = _temp.Write("map.tsv", "from\tto\n# nothing\n");
        Assert.Contains("no entries", Assert.Throws<LabelledDataException>(() => LocationMapping.ReadTsv(path)).Message);
    }

    [Fact]
    public void Parse_PicksTheBuiltInAFileOrPairs()
    {
        Assert.Same(LocationMapping.MultiLocToDeepLoc, LocationMapping.Parse("MultiLoc-to-DeepLoc"));
        Assert.Equal("x", LocationMapping.Parse(_temp.Write("map.tsv", "ER\tx\n")).Map("ER"));
        Assert.Equal("y", LocationMapping.Parse("ER=y").Map("ER"));
        var error = Assert.Throws<LabelledDataException>(() => LocationMapping.Parse("no-such-mapping.tsv"));
        Assert.Contains("found no such file and no '='", error.Message);
    }
}
