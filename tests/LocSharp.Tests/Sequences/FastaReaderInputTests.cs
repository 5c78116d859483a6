using System.IO.Compression;
using LocSharp.Sequences;
using Xunit.Abstractions;

namespace LocSharp.Tests.Sequences;

/// <summary>Where FASTA comes from: files, gzip, forward-only streams, huge streams, the shared data.</summary>
public sealed class FastaReaderInputTests(ITestOutputHelper output) : IDisposable
{
    const string Text = ">P1 first\nMKVL\nAW\n>P2\nGG*\n";
    static readonly FastaRecord[] Expected = [new("P1", "first", "MKVLAW", 1), new("P2", "", "GG", 4)];

    readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    static byte[] Gzip(string text)
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal)) gzip.Write(System.Text.Encoding.ASCII.GetBytes(text));
        return compressed.ToArray();
    }

    [Fact]
    public void PlainFile_IsReadByPath_AndNamedInErrors()
    {
        Assert.Equal(Expected, FastaReader.Read(_temp.Write("a.fasta", Text)));
        string bad = _temp.Write("bad.fasta", ">P1\nMK-\n");
        var error = Assert.Throws<FastaFormatException>(() => FastaReader.Read(bad).ToList());
        Assert.Equal(bad, error.Source);
        Assert.StartsWith($"{bad} line 2 (record P1): ", error.Message);
    }

    [Fact]
    public void GzipFile_RoundTrips_WhateverItsName()
    {
        string path = _temp.Path("proteins.fasta");
        File.WriteAllBytes(path, Gzip(Text));
        Assert.Equal(Expected, FastaReader.Read(path));
    }

    [Fact]
    public void PlainFile_NamedGz_IsReadAsPlainText()
    {
        Assert.Equal(Expected, FastaReader.Read(_temp.Write("proteins.fasta.gz", Text)));
    }

    [Fact]
    public void Gzip_WithCrlf_FromAForwardOnlyStream_IsRead()
    {
        var stdin = new ForwardOnlyStream(new MemoryStream(Gzip(Text.Replace("\n", "\r\n"))));
        Assert.Equal(Expected, FastaReader.Read(stdin, FastaReader.StandardInputName));
    }

    [Fact]
    public void ConcatenatedGzipMembers_AreReadAsOneInput()
    {
        var records = FastaReader.Read(new MemoryStream([.. Gzip(">P1\nMK\n"), .. Gzip(">P2\nVL\n")]), "x").ToList();
        Assert.Equal(["P1", "P2"], records.Select(r => r.Id));
    }

    [Fact]
    public void ForwardOnlyStream_IsRead_AndNotDisposed()
    {
        var stdin = new ForwardOnlyStream(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(Text)));
        Assert.Equal(Expected, FastaReader.Read(stdin, FastaReader.StandardInputName));
        Assert.False(stdin.Disposed);
    }

    [Fact]
    public void ShortForwardOnlyStream_ShorterThanTheSniffedHeader_IsRead()
    {
        var record = Assert.Single(FastaReader.Read(new ForwardOnlyStream(new MemoryStream(">A\nM"u8.ToArray())), "x"));
        Assert.Equal(("A", "M"), (record.Id, record.Sequence));
    }

    [Fact]
    public void ErrorsFromStandardInput_NameIt()
    {
        var stdin = new ForwardOnlyStream(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(">P1\n")));
        var error = Assert.Throws<FastaFormatException>(() => FastaReader.Read(stdin, FastaReader.StandardInputName).ToList());
        Assert.StartsWith("<stdin> line 1 (record P1): header with no sequence", error.Message);
    }

    [Fact]
    public void CorruptGzip_IsAFormatError()
    {
        byte[] gzip = Gzip(string.Concat(Enumerable.Range(0, 200).Select(i => $">P{i}\nMKVLAW\n")));
        for (int i = 20; i < gzip.Length - 8; i++) gzip[i] ^= 0x5A;
        var error = Assert.Throws<FastaFormatException>(() => FastaReader.Read(new MemoryStream(gzip), "c.fasta.gz").ToList());
        Assert.Contains("gzip data is corrupt", error.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }, "a zip archive")]
    [InlineData(new byte[] { 0x42, 0x5A, 0x68, 0x39, 0x31, 0x41 }, "bzip2-compressed")]
    [InlineData(new byte[] { 0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00 }, "xz-compressed")]
    [InlineData(new byte[] { 0x28, 0xB5, 0x2F, 0xFD, 0x04, 0x00 }, "zstd-compressed")]
    public void OtherCompressedFormats_AreNamedInTheError(byte[] magic, string format)
    {
        var error = Assert.Throws<FastaFormatException>(() => FastaReader.Read(new MemoryStream([.. magic, 1, 2, 3]), "x").ToList());
        Assert.Null(error.Line);
        Assert.Contains($"the input is {format}", error.Message);
    }

    [Fact]
    public void MissingFile_ThrowsFileNotFoundAtOnce_NamingThePath()
    {
        string path = _temp.Path("missing.fasta");
        var error = Assert.Throws<FileNotFoundException>(() => FastaReader.Read(path));
        Assert.Equal(path, error.FileName);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Directory_ThrowsFileNotFound_SayingItIsADirectory()
    {
        var error = Assert.Throws<FileNotFoundException>(() => FastaReader.Read(_temp.Root));
        Assert.Contains("is a directory", error.Message);
    }

    [Fact]
    public void FileIsOpenedAfreshByEachEnumeration()
    {
        var records = FastaReader.Read(_temp.Write("a.fasta", Text));
        Assert.Equal(records.ToList(), records.ToList());
    }

    [Fact]
    public void NothingIsRead_UntilEnumeration()
    {
        var stream = new GeneratedFastaStream(1 << 20);
        var records = FastaReader.Read(stream, "generated");
        Assert.Equal(0, stream.BytesRead);
        Assert.Equal("G0", records.First().Id);
    }

    [Fact]
    public void HugeStream_IsReadLazily_OnlyAsFarAsRecordsAreTaken()
    {
        var stream = new GeneratedFastaStream(400L << 20);
        var first = FastaReader.Read(stream, "generated").Take(3).ToList();
        Assert.Equal(["G0", "G1", "G2"], first.Select(r => r.Id));
        Assert.Equal(1000, first[2].Sequence.Length);
        Assert.InRange(stream.BytesRead, 1, 1 << 18);
    }

    [Fact]
    public void MemoryDoesNotGrowWithTheInput()
    {
        const long size = 24L << 20;
        var stream = new GeneratedFastaStream(size + (8 << 20));
        long before = GC.GetTotalMemory(forceFullCollection: true);
        long growth = 0;
        int count = 0;
        foreach (var record in FastaReader.Read(stream, "generated"))
        {
            Assert.Equal($"G{count++}", record.Id);
            if (stream.BytesRead < size) continue;
            growth = GC.GetTotalMemory(forceFullCollection: true) - before;
            break;
        }
        output.WriteLine($"{count} records, {stream.BytesRead >> 20} MB read, memory grew by {growth >> 10} kB");
        // 24 MB of input is 48 MB as .NET strings; what may stay is the ~25,000 IDs seen (a few MB).
        Assert.InRange(growth, long.MinValue, 12L << 20);
    }

    [Fact]
    public void SharedMultiLocFiles_HaveTheRecordsTheReadmeLists()
    {
        if (!SharedData.IsAvailable(output)) return;
        var expected = new Dictionary<string, int>
        {
            ["cytoplasmic"] = 1411, ["plasma_membrane"] = 1238, ["extracellular"] = 843, ["nuclear"] = 837,
            ["mitochondrial"] = 510, ["chloroplast"] = 449, ["ER"] = 198, ["peroxisomal"] = 157, ["Golgi"] = 150,
            ["lysosomal"] = 103, ["vacuolar"] = 63,
        };
        var all = new List<FastaRecord>();
        foreach (var (location, count) in expected)
        {
            var records = FastaReader.Read(SharedData.Path("data", "multiloc", location + ".fasta")).ToList();
            Assert.Equal(count, records.Count);
            all.AddRange(records);
        }
        Assert.Equal(5959, all.Count);
        Assert.Equal((13, 5430), (all.Min(r => r.Sequence.Length), all.Max(r => r.Sequence.Length)));
        Assert.Equal(442, all.Sum(r => r.Sequence.Count(c => c == 'X')));
        Assert.Equal(9, all.Sum(r => r.Sequence.Count(c => c == 'B')));
        Assert.Equal(3, all.Sum(r => r.Sequence.Count(c => c == 'Z')));
        Assert.Equal(new FastaRecord("P20698", "SP 14", all.Single(r => r.Id == "P20698").Sequence, 1),
            all.Single(r => r.Id == "P20698"));
    }

    [Fact]
    public void SharedDeepLocFile_HasItsRecords()
    {
        if (!SharedData.IsAvailable(output)) return;
        var records = FastaReader.Read(SharedData.Path("data", "deeploc", "deeploc_dev.fasta")).ToList();
        Assert.Equal(1678, records.Count);
        Assert.Equal(("Q9Y4C2", "Cell.membrane-M"), (records[0].Id, records[0].Description));
    }
}
