using System.IO.Compression;
using LocSharp.Data;
using LocSharp.Sequences;

namespace LocSharp.Tests.Data;

/// <summary>Both layouts of labelled data, and their errors. The split has its own tests.</summary>
public sealed class LabelledDataReaderTests : IDisposable
{
    readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    string Directory(params (string Name, string Text)[] files)
    {
        string dir = _temp.Path("data");
        System.IO.Directory.CreateDirectory(dir);
        foreach (var (name, text) in files) File.WriteAllText(Path.Combine(dir, name), text);
        return dir;
    }

    [Fact]
    public void DirectoryLayout_LocationIsTheFileName_AndSignalsAreParsed()
    {
        string dir = Directory(
            ("nuclear.fasta", ">N1\nMKVL\n>N2 some description\nMKKR\n"),
            ("ER.fasta", ">E1 SP 3\nMKVLAW\n>E2 SA 2 4\nMKVLAW\n"),
            ("chloroplast.fa", ">C1 cTP 5\nMKVLAW\n"),
            ("mitochondrial.faa", ">M1 mTP 2\nMKVLAW\n"));
        var set = LabelledDataReader.Read(dir);
        Assert.Equal(["ER", "chloroplast", "mitochondrial", "nuclear"], set.Locations);
        Assert.Equal(
        [
            new LabelledProtein("E1", "MKVLAW", "ER", null, new SortingSignal(SignalType.SignalPeptide, 1, 3)),
            new LabelledProtein("E2", "MKVLAW", "ER", null, new SortingSignal(SignalType.SignalAnchor, 2, 4)),
            new LabelledProtein("C1", "MKVLAW", "chloroplast", null, new SortingSignal(SignalType.ChloroplastTransitPeptide, 1, 5)),
            new LabelledProtein("M1", "MKVLAW", "mitochondrial", null, new SortingSignal(SignalType.MitochondrialTransitPeptide, 1, 2)),
            new LabelledProtein("N1", "MKVL", "nuclear", null, null),
            new LabelledProtein("N2", "MKKR", "nuclear", null, null),
        ], set.Proteins);
        Assert.Empty(set.Partitions);
    }

    [Fact]
    public void DirectoryLayout_ReadsGzippedFiles_AndIgnoresOtherFilesAndSubdirectories()
    {
        string dir = Directory(("split.tsv", "id\tlocation\tpartition\n"), ("README", "not fasta"), ("Golgi.fasta", ">G1\nMK\n"));
        using (var gzip = new GZipStream(File.Create(Path.Combine(dir, "vacuolar.fasta.gz")), CompressionLevel.Fastest))
            gzip.Write(">V1\nWW\n"u8);
        System.IO.Directory.CreateDirectory(Path.Combine(dir, "old.fasta"));
        var set = LabelledDataReader.Read(dir);
        Assert.Equal(["Golgi", "vacuolar"], set.Locations);
        Assert.Equal(["G1", "V1"], set.Proteins.Select(p => p.Id));
    }

    [Fact]
    public void DirectoryWithoutFastaFiles_IsAnError()
    {
        string dir = Directory(("notes.txt", "x"), ("split.tsv", "id\tlocation\tpartition\n"));
        var error = Assert.Throws<LabelledDataException>(() => LabelledDataReader.Read(dir));
        Assert.Equal((dir, null, null), (error.Source, error.Line, error.RecordId));
        Assert.Contains("no FASTA files (*.fasta, *.fa, *.faa, *.fas", error.Message);
    }

    [Fact]
    public void TwoFilesForOneLocation_AreAnError()
    {
        string dir = Directory(("ER.fasta", ">E1\nMK\n"), ("ER.fa", ">E2\nMK\n"));
        var error = Assert.Throws<LabelledDataException>(() => LabelledDataReader.Read(dir));
        Assert.Contains("ER.fa and ER.fasta both give location 'ER'", error.Message);
    }

    [Fact]
    public void DuplicateIdAcrossFiles_NamesBothFilesAndLines()
    {
        string dir = Directory(("ER.fasta", ">E1\nMK\n>P1\nMK\n"), ("Golgi.fasta", ">G1\nMK\n\n>P1 SP 1\nMK\n"));
        var error = Assert.Throws<LabelledDataException>(() => LabelledDataReader.Read(dir));
        string golgi = Path.Combine(dir, "Golgi.fasta"), er = Path.Combine(dir, "ER.fasta");
        Assert.Equal((golgi, 4, "P1"), (error.Source, error.Line, error.RecordId));
        Assert.Contains($"duplicate protein ID 'P1', already read from {er} line 3 (location 'ER')", error.Message);
    }

    [Fact]
    public void MalformedSignalAnnotation_NamesFileLineAndRecord()
    {
        string dir = Directory(("ER.fasta", ">E1\nMK\n>E2 SP x\nMKVL\n"));
        var error = Assert.Throws<LabelledDataException>(() => LabelledDataReader.Read(dir));
        Assert.Equal((Path.Combine(dir, "ER.fasta"), 3, "E2"), (error.Source, error.Line, error.RecordId));
        Assert.Contains("found 'SP x'", error.Message);
    }

    [Fact]
    public void SignalPastTheEndOfTheSequence_IsAnError()
    {
        string dir = Directory(("ER.fasta", ">E1 SA 3 9\nMKVLAW\n"));
        var error = Assert.Throws<LabelledDataException>(() => LabelledDataReader.Read(dir));
        Assert.Equal((1, "E1"), (error.Line, error.RecordId));
        Assert.Contains("runs past the end of the 6-residue sequence", error.Message);
    }

    [Fact]
    public void MalformedFastaInTheDirectory_IsAFastaFormatException()
    {
        string dir = Directory(("ER.fasta", ">E1\nMK1\n"));
        var error = Assert.Throws<FastaFormatException>(() => LabelledDataReader.Read(dir));
        Assert.Equal((Path.Combine(dir, "ER.fasta"), 2, "E1"), (error.Source, error.Line, error.RecordId));
    }

    [Fact]
    public void EmptyFastaFileInTheDirectory_IsAFastaFormatException()
    {
        string dir = Directory(("ER.fasta", ">E1\nMK\n"), ("Golgi.fasta", ""));
        var error = Assert.Throws<FastaFormatException>(() => LabelledDataReader.Read(dir));
        Assert.Contains("the input is empty", error.Message);
    }

    [Fact]
    public void HeaderLayout_LocationIsTheSecondWord_WithTheMembraneSuffixStripped()
    {
        string file = _temp.Write("deeploc.fasta",
            ">Q1 Cell.membrane-M\nMK\n>Q2 Nucleus-U test\nMK\n>Q3 Cytoplasm-S\nMK\n>Q4 Cytoplasm-Nucleus-U\nMK\n" +
            ">Q5 Lysosome/Vacuole\nMK\n>Q6 Cytoplasm-Nucleus\nMK\n");
        var set = LabelledDataReader.Read(file);
        Assert.Equal(["Cell.membrane", "Nucleus", "Cytoplasm", "Cytoplasm-Nucleus", "Lysosome/Vacuole", "Cytoplasm-Nucleus"],
            set.Proteins.Select(p => p.Location));
        Assert.Equal(["Cell.membrane", "Cytoplasm", "Cytoplasm-Nucleus", "Lysosome/Vacuole", "Nucleus"], set.Locations);
        Assert.All(set.Proteins, p => Assert.Null(p.Signal));
    }

    [Theory]
    [InlineData(">Q2\nMK\n")]
    [InlineData(">Q2   \nMK\n")]
    [InlineData(">Q2 -M\nMK\n")]
    public void HeaderLayout_HeaderWithoutLocation_NamesFileLineAndRecord(string second)
    {
        string file = _temp.Write("deeploc.fasta", ">Q1 Nucleus-U\nMK\n" + second);
        var error = Assert.Throws<LabelledDataException>(() => LabelledDataReader.Read(file));
        Assert.Equal((file, 3, "Q2"), (error.Source, error.Line, error.RecordId));
        Assert.Contains("expected the location as the header's second word", error.Message);
    }

    [Fact]
    public void MissingPath_IsFileNotFound_NamingIt()
    {
        string path = _temp.Path("nowhere");
        var error = Assert.Throws<FileNotFoundException>(() => LabelledDataReader.Read(path));
        Assert.Contains(path, error.Message);
    }
}
