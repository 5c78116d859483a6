using LocSharp.Data;

namespace LocSharp.Tests.Data;

/// <summary>A split file assigning partitions, and every way it can disagree with the data.</summary>
public sealed class LabelledDataSplitTests : IDisposable
{
    readonly TempDirectory _temp = new();
    readonly string _data;

    public LabelledDataSplitTests()
    {
        _data = _temp.Path("data");
        Directory.CreateDirectory(_data);
        File.WriteAllText(Path.Combine(_data, "ER.fasta"), ">E1 SP 2\nMKV\n>E2\nMKV\n");
        File.WriteAllText(Path.Combine(_data, "Golgi.fasta"), ">G1\nMKV\n");
    }

    public void Dispose() => _temp.Dispose();

    string Split(string text) => _temp.Write("split.tsv", text);

    [Fact]
    public void Split_GivesEveryProteinItsPartition()
    {
        string split = Split("id\tlocation\tpartition\nG1\tGolgi\ttest\n\nE2\tER\tfold1\r\nE1\tER\tfold2\n");
        var set = LabelledDataReader.Read(_data, split);
        Assert.Equal([("E1", "fold2"), ("E2", "fold1"), ("G1", "test")], set.Proteins.Select(p => (p.Id, p.Partition!)));
        Assert.Equal(["fold1", "fold2", "test"], set.Partitions);
        Assert.Equal(new SortingSignal(SignalType.SignalPeptide, 1, 2), set.Proteins[0].Signal);
        Assert.Equal(["E1", "E2"], set.Select("fold1", "fold2").Proteins.Select(p => p.Id));
    }

    [Fact]
    public void Split_ColumnsMayComeInAnyOrderAndCase_WithExtraColumns()
    {
        string split = Split("Partition\tnote\tID\tLocation\ntest\tx\tG1\tGolgi\nfold1\t\tE1\tER\nfold1\ty\tE2\tER\n");
        Assert.Equal(["fold1", "fold1", "test"], LabelledDataReader.Read(_data, split).Proteins.Select(p => p.Partition));
    }

    [Fact]
    public void SplitRowWithoutSequence_NamesSplitLineAndRecord()
    {
        string split = Split("id\tlocation\tpartition\nE1\tER\ttest\nE2\tER\ttest\nX9\tER\tfold1\nG1\tGolgi\ttest\nX8\tER\ttest\n");
        var error = Assert.Throws<LabelledDataException>(() => LabelledDataReader.Read(_data, split));
        Assert.Equal((split, 4, "X9"), (error.Source, error.Line, error.RecordId));
        Assert.Contains($"the split names protein 'X9' (and 1 more), but {_data} has no sequence for it", error.Message);
    }

    [Fact]
    public void SplitLabelDisagreeingWithTheData_NamesBothPlaces()
    {
        string split = Split("id\tlocation\tpartition\nE1\tER\ttest\nE2\tGolgi\ttest\nG1\tGolgi\ttest\n");
        var error = Assert.Throws<LabelledDataException>(() => LabelledDataReader.Read(_data, split));
        Assert.Equal((split, 3, "E2"), (error.Source, error.Line, error.RecordId));
        Assert.Contains($"the split gives location 'Golgi', but {Path.Combine(_data, "ER.fasta")} line 3 gives 'ER'", error.Message);
    }

    [Fact]
    public void ProteinMissingFromTheSplit_NamesItsFileAndLine()
    {
        string split = Split("id\tlocation\tpartition\nE1\tER\ttest\n");
        var error = Assert.Throws<LabelledDataException>(() => LabelledDataReader.Read(_data, split));
        Assert.Equal((Path.Combine(_data, "ER.fasta"), 3, "E2"), (error.Source, error.Line, error.RecordId));
        Assert.Contains($"protein 'E2' (and 1 more) has no row in the split {split}; add a row 'E2<TAB>ER<TAB><partition>'", error.Message);
    }

    [Fact]
    public void DuplicateSplitRow_NamesBothLines()
    {
        string split = Split("id\tlocation\tpartition\nE1\tER\ttest\nE2\tER\ttest\nE1\tER\tfold1\n");
        var error = Assert.Throws<LabelledDataException>(() => LabelledDataReader.Read(_data, split));
        Assert.Equal((split, 4, "E1"), (error.Source, error.Line, error.RecordId));
        Assert.Contains("already in the split at line 2", error.Message);
    }

    [Theory]
    [InlineData("id\tlocation\tpartition\nE1\tER\n", 2, "E1")]
    [InlineData("id\tlocation\tpartition\nE1\t\ttest\n", 2, "E1")]
    [InlineData("id\tlocation\tpartition\n\tER\ttest\n", 2, null)]
    public void SplitRowWithAnEmptyValue_IsAnError(string text, int line, string? id)
    {
        string split = Split(text);
        var error = Assert.Throws<LabelledDataException>(() => LabelledDataReader.Read(_data, split));
        Assert.Equal((split, line, id), (error.Source, error.Line, error.RecordId));
        Assert.Contains("expected 3 tab-separated values", error.Message);
    }

    [Theory]
    [InlineData("E1\tER\ttest\n")]
    [InlineData("id,location,partition\nE1,ER,test\n")]
    [InlineData("id\tlocation\n")]
    public void SplitWithoutTheHeaderRow_IsAnError(string text)
    {
        string split = Split(text);
        var error = Assert.Throws<LabelledDataException>(() => LabelledDataReader.Read(_data, split));
        Assert.Equal((split, 1), (error.Source, error.Line));
        Assert.Contains("expected a header row naming the columns id, location and partition", error.Message);
    }

    [Fact]
    public void EmptySplit_IsAnError()
    {
        string split = Split("");
        Assert.Contains("the split file is empty", Assert.Throws<LabelledDataException>(() => LabelledDataReader.Read(_data, split)).Message);
    }

    [Fact]
    public void MissingSplitFile_IsFileNotFound_NamingIt()
    {
        string split = _temp.Path("no-split.tsv");
        Assert.Contains(split, Assert.Throws<FileNotFoundException>(() => LabelledDataReader.Read(_data, split)).Message);
    }

    [Fact]
    public void Split_WorksWithTheHeaderLayoutToo()
    {
        string file = _temp.Write("deeploc.fasta", ">Q1 Nucleus-U\nMK\n>Q2 Cytoplasm-S\nMK\n");
        string split = Split("id\tlocation\tpartition\nQ1\tNucleus\ttest\nQ2\tCytoplasm\tfold1\n");
        Assert.Equal(["test", "fold1"], LabelledDataReader.Read(file, split).Proteins.Select(p => p.Partition));
    }
}
