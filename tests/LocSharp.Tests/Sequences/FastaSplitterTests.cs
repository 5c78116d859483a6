using LocSharp;
using System.IO.Compression;
using LocSharp.Sequences;

namespace LocSharp.Tests.Sequences;

/// <summary>Cutting a FASTA file into consecutive parts of similar residue count.</summary>
public sealed class FastaSplitterTests : IDisposable
{
    readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData(new[] { 10, 10, 10, 10 }, 2, new[] { 2, 2 })]
    [InlineData(new[] { 4, 4, 4, 4, 4, 4 }, 3, new[] { 2, 2, 2 })]
    [InlineData(new[] { 100, 1, 1, 1, 1 }, 2, new[] { 1, 4 })]   // half of 104 is 52: the cut after 100 (at 100) is nearer than before it (at 0)
    [InlineData(new[] { 1, 1, 1, 1, 100 }, 2, new[] { 4, 1 })]   // the last part may not be empty, so the cut stays at 4 of 104
    [InlineData(new[] { 3, 2, 3 }, 2, new[] { 1, 2 })]           // half of 8 is 4: cuts at 3 and 5 are equally near; the earlier wins
    [InlineData(new[] { 1, 1000, 1 }, 3, new[] { 1, 1, 1 })]     // as many parts as records: one each
    [InlineData(new[] { 7, 3, 5 }, 1, new[] { 3 })]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 3, new[] { 6, 2, 2 })] // thirds of 55 at 18.3 and 36.7: running totals 15|21 (21 nearer) and 36|45 (36 nearer)
    public void Part_sizes_cut_nearest_the_even_shares(int[] lengths, int parts, int[] expected) =>
        Assert.Equal(expected, FastaSplitter.PartSizes(lengths, parts));

    /// <summary>Lengths within a factor of 20 of each other over 50 or more proteins, so no cut is forced away from
    /// its share to keep a part non-empty.</summary>
    [Fact]
    public void Every_cut_is_within_half_a_protein_of_its_even_share()
    {
        var random = new Random(16);
        for (int trial = 0; trial < 200; trial++)
        {
            int[] lengths = Enumerable.Range(0, random.Next(50, 300)).Select(_ => random.Next(50, 1000)).ToArray();
            int parts = random.Next(1, 5);
            int[] sizes = FastaSplitter.PartSizes(lengths, parts);

            Assert.Equal(parts, sizes.Length);
            Assert.All(sizes, size => Assert.True(size >= 1));
            Assert.Equal(lengths.Length, sizes.Sum());
            long total = lengths.Sum(l => (long)l), before = 0;
            int records = 0;
            for (int k = 1; k < parts; k++)
            {
                records += sizes[k - 1];
                before = lengths.Take(records).Sum(l => (long)l);
                double share = (double)total * k / parts;
                // The cut falls at a record boundary nearest the share: no farther than half the record it falls beside.
                Assert.True(Math.Abs(before - share) <= Math.Max(lengths[records - 1], lengths[records]) / 2.0 + 1e-9,
                    $"trial {trial}: cut {k} at {before} residues, share {share}");
            }
        }
    }

    [Fact]
    public void More_parts_than_proteins_or_none_is_refused()
    {
        var error = Assert.Throws<InvalidSettingException>(() => FastaSplitter.PartSizes([5, 6], 3));
        Assert.Contains("2 proteins cannot be cut into 3 non-empty parts; ask for 2 or fewer", error.Message);
        Assert.Throws<InvalidSettingException>(() => FastaSplitter.PartSizes([5, 6], 0));
    }

    [Theory]
    [InlineData(1, 1, "part-1.fasta")]
    [InlineData(3, 9, "part-3.fasta")]
    [InlineData(3, 10, "part-03.fasta")]
    [InlineData(12, 120, "part-012.fasta")]
    public void Part_names_are_zero_padded_to_the_width_of_the_count(int part, int parts, string name) =>
        Assert.Equal(name, FastaSplitter.PartFileName(part, parts));

    static string Fasta(int proteins) => string.Concat(Enumerable.Range(0, proteins).Select(i =>
        $">P{i} protein number {i}\n{TinyModels.Sequence(20 + i * 13 % 150, i)}\n"));

    [Fact]
    public void Parts_hold_the_input_records_in_order()
    {
        string input = directory.Write("in.fasta", Fasta(30).Replace(">P3 protein", ">P3\tprotein") + ">last\nmkv*\n");

        var parts = FastaSplitter.Split(input, 4, directory.Path("parts"));

        Assert.Equal(["part-1.fasta", "part-2.fasta", "part-3.fasta", "part-4.fasta"], parts.Select(p => Path.GetFileName(p.Path)));
        var original = FastaReader.Read(input).Select(r => (r.Id, r.Description, r.Sequence)).ToList();
        var joined = parts.SelectMany(p => FastaReader.Read(p.Path)).Select(r => (r.Id, r.Description, r.Sequence)).ToList();
        Assert.Equal(original, joined);
        Assert.Equal(parts.Select(p => FastaReader.Read(p.Path).Count()), parts.Select(p => p.Proteins));
        Assert.Equal(parts.Select(p => FastaReader.Read(p.Path).Sum(r => (long)r.Sequence.Length)), parts.Select(p => p.Residues));
        Assert.Equal(FastaSplitter.PartSizes(original.Select(r => r.Sequence.Length).ToList(), 4), parts.Select(p => p.Proteins));
    }

    [Fact]
    public void Records_are_written_with_their_header_and_sixty_residues_a_line()
    {
        string sequence = TinyModels.Sequence(130);
        string input = directory.Write("in.fasta", $">A first one\n{sequence.ToLowerInvariant()}\n>B\nMKV\n");

        var parts = FastaSplitter.Split(input, 2, directory.Path("parts"));

        Assert.Equal($">A first one\n{sequence[..60]}\n{sequence[60..120]}\n{sequence[120..]}\n", File.ReadAllText(parts[0].Path));
        Assert.Equal(">B\nMKV\n", File.ReadAllText(parts[1].Path));
    }

    [Fact]
    public void Gzip_input_is_split()
    {
        string input = directory.Path("in.fasta.gz");
        using (var gzip = new GZipStream(File.Create(input), CompressionLevel.Fastest))
            gzip.Write(System.Text.Encoding.ASCII.GetBytes(Fasta(5)));

        var parts = FastaSplitter.Split(input, 2, directory.Path("parts"));

        Assert.Equal(5, parts.Sum(p => p.Proteins));
    }

    [Fact]
    public void Malformed_input_writes_no_part()
    {
        string input = directory.Write("in.fasta", Fasta(10) + ">bad\nMK9V\n");

        var error = Assert.Throws<FastaFormatException>(() => FastaSplitter.Split(input, 2, directory.Path("parts")));

        Assert.Equal(22, error.Line);
        Assert.Equal("bad", error.RecordId);
        Assert.False(Directory.Exists(directory.Path("parts")) && Directory.EnumerateFileSystemEntries(directory.Path("parts")).Any());
    }

    [Fact]
    public void Standard_input_is_refused_because_it_cannot_be_read_twice()
    {
        var error = Assert.Throws<InvalidSettingException>(() => FastaSplitter.Split("-", 2, directory.Path("parts")));
        Assert.Contains("must be a file, not standard input", error.Message);
    }
}
