using System.IO.Compression;
using System.Text;
using LocSharp.Cli.Infrastructure;
using LocSharp.Models;
using LocSharp.Sequences;
using LocSharp.Tests.Cli;

namespace LocSharp.Tests.Hardening;

/// <summary>Issue 13, defects 2, 8, 11 and 12: standard input for every verb, truncated gzip, input without end, DNA.</summary>
[Collection(TorchCollection.Name)]
public sealed class InputTests : TempFolderTests
{
    static byte[] Gzip(string text)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(System.Text.Encoding.ASCII.GetBytes(text));
        return memory.ToArray();
    }

    static string ManyProteins(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(i => $">P{i}\n{TinyModels.Sequence(60 + i % 40, i)}\n"));

    [Fact]
    public void A_truncated_gzip_is_an_error_naming_the_file_not_a_shorter_input()
    {
        byte[] whole = Gzip(ManyProteins(400));
        string cut = directory.Path("cut.fa.gz");
        File.WriteAllBytes(cut, whole[..(whole.Length / 2)]);

        var error = Assert.Throws<FastaFormatException>(() => FastaReader.Read(cut).ToList());
        Assert.Equal(cut, error.Source);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void A_gzip_cut_inside_its_header_is_truncated_not_empty()
    {
        string cut = directory.Path("cut15.fa.gz");
        File.WriteAllBytes(cut, Gzip(ManyProteins(10))[..15]);

        var error = Assert.Throws<FastaFormatException>(() => FastaReader.Read(cut).ToList());
        Assert.Contains("truncated", error.Message);
        Assert.DoesNotContain("empty", error.Message);
    }

    [Fact]
    public void A_truncated_gzip_of_profiles_is_an_error_naming_the_file()
    {
        var text = new StringBuilder("id\tposition\tresidue\tA\tC\tD\tE\tF\tG\tH\tI\tK\tL\tM\tN\tP\tQ\tR\tS\tT\tV\tW\tY\n");
        for (int p = 0; p < 200; p++)
            for (int i = 1; i <= 50; i++)
                text.Append($"P{p}\t{i}\tA\t{string.Join('\t', Enumerable.Range(0, 20).Select(j => (i * j + p) % 9 - 4))}\n");
        byte[] whole = Gzip(text.ToString());
        string cut = directory.Path("cut.profiles.tsv.gz");
        File.WriteAllBytes(cut, whole[..(whole.Length / 2)]);

        var error = Assert.Throws<InvalidDataException>(() => LocSharp.Profiles.ProfileTsvReader.Read([cut]));
        Assert.StartsWith(cut, error.Message);
        Assert.Contains("truncated", error.Message);
        Assert.Equal(ExitCodes.InvalidInput, ErrorReporter.Classify(error).Code);
    }

    [Fact]
    public void Concatenated_gzip_members_are_read_whole()
    {
        string path = directory.Path("two.fa.gz");
        File.WriteAllBytes(path, [.. Gzip(">A\nMKV\n"), .. Gzip(">B\nPLL\n")]);

        Assert.Equal(["A", "B"], FastaReader.Read(path).Select(r => r.Id));
    }

    [Fact]
    public void Predict_and_evaluate_on_a_truncated_gzip_exit_1_naming_it()
    {
        string model = TinyModels.Save(directory.Path("tiny.lsm"), Architecture.RLstm);
        byte[] whole = Gzip(string.Concat(Enumerable.Range(0, 300).Select(i => $">P{i} {TinyModels.Locations[i % 3]}\n{TinyModels.Sequence(60, i)}\n")));
        string cut = directory.Path("cut.fa.gz");
        File.WriteAllBytes(cut, whole[..(whole.Length * 2 / 3)]);

        foreach (var args in new[] { new[] { "predict", cut, "-m", model }, ["evaluate", "-m", model, cut] })
        {
            var result = CliRunner.Run(args);
            Assert.Equal(ExitCodes.InvalidInput, result.Exit);
            Assert.Contains(cut, result.Error);
            Assert.Contains("truncated", result.Error);
        }
    }

    /// <summary>An endless stream of one byte, counting what is read.</summary>
    sealed class EndlessStream(byte[] prefix, byte fill) : ForwardReadStream
    {
        public long BytesRead { get; private set; }
        public override int Read(Span<byte> buffer)
        {
            for (int i = 0; i < buffer.Length; i++) buffer[i] = BytesRead + i < prefix.Length ? prefix[BytesRead + i] : fill;
            BytesRead += buffer.Length;
            return buffer.Length;
        }
    }

    [Fact]
    public void Endless_zero_bytes_are_refused_as_binary_within_the_first_chunk()
    {
        var zeros = new EndlessStream([], 0);
        var error = Assert.Throws<FastaFormatException>(() => FastaReader.Read(zeros, "<stdin>").ToList());
        Assert.Contains("binary", error.Message);
        Assert.True(zeros.BytesRead < 1 << 20, $"read {zeros.BytesRead} bytes");
    }

    [Fact]
    public void An_endless_header_is_refused_after_the_maximum_line_length()
    {
        var header = new EndlessStream(">"u8.ToArray(), (byte)'x');
        var error = Assert.Throws<FastaFormatException>(() => FastaReader.Read(header, "<stdin>").ToList());
        Assert.Contains("header line is longer", error.Message);
        Assert.True(header.BytesRead < 4L * FastaReader.MaxLineLength, $"read {header.BytesRead} bytes");
    }

    [Fact]
    public void An_endless_sequence_line_is_refused_in_bounded_memory()
    {
        var sequence = new EndlessStream(">P1\n"u8.ToArray(), (byte)'M');
        var error = Assert.Throws<FastaFormatException>(() => FastaReader.Read(sequence, "<stdin>").ToList());
        Assert.Contains("longer than", error.Message);
        Assert.True(sequence.BytesRead < 2L * FastaRecordBuilder.MaxSequenceLength, $"read {sequence.BytesRead} bytes");
    }

    [Fact]
    public void A_long_sequence_on_one_line_across_many_chunks_is_read_whole()
    {
        string residues = TinyModels.Sequence(300_000);
        var records = FastaReader.Read(new MemoryStream(System.Text.Encoding.ASCII.GetBytes($">long\r\n{residues}\r\n>short\r\nMKV")), "x").ToList();
        Assert.Equal(residues, records[0].Sequence);
        Assert.Equal("MKV", records[1].Sequence);
        Assert.Equal(3, records[1].Line);
    }

    [Fact]
    public void Empty_standard_input_says_the_input_is_empty()
    {
        string model = TinyModels.Save(directory.Path("tiny.lsm"), Architecture.RLstm);
        var result = CliRunner.RunWithInput([], "predict", "-", "-m", model);
        Assert.Equal(ExitCodes.InvalidInput, result.Exit);
        Assert.Contains("the input is empty", result.Error);
    }

    [Fact]
    public void Every_verb_that_reads_proteins_reads_standard_input_for_dash()
    {
        var (fasta, split, _) = LabelledFiles.Write(directory);
        byte[] labelled = File.ReadAllBytes(fasta);
        string rlstm = TinyModels.Save(directory.Path("r.lsm"), Architecture.RLstm, weightScale: 0.5);
        string alstm = TinyModels.Save(directory.Path("a.lsm"), Architecture.ALstm, weightScale: 0.5);

        byte[] modelLabelled = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 9).Select(i => $">Q{i} {TinyModels.Locations[i % 3]}\n{TinyModels.Sequence(30, i)}\n")));

        var runs = new (string Verb, byte[] Input, string[] Args)[]
        {
            ("predict", labelled, ["predict", "-", "-m", rlstm]),
            ("evaluate", modelLabelled, ["evaluate", "-m", rlstm, "-"]),
            ("train", labelled, ["train", "-", "-o", directory.Path("m.lsm"), "--epochs", "1", .. LabelledFiles.TinyNetwork]),
            ("cv", labelled, ["cv", "-", "--split", split, "-o", directory.Path("cv"), "--epochs", "1", .. LabelledFiles.TinyNetwork]),
            ("explain attention", labelled, ["explain", "attention", "-m", alstm, "-", "-o", directory.Path("att"), "--max-tracks", "0"]),
            ("explain embedding", labelled, ["explain", "embedding", "-m", rlstm, "-", "-o", directory.Path("emb"), "--iterations", "50"]),
        };
        foreach (var (verb, input, args) in runs)
        {
            var result = CliRunner.RunWithInput(input, args);
            Assert.True(result.Exit == ExitCodes.Success, $"{verb}: {result.Error}");
            Assert.DoesNotContain("does not exist", result.Error);
        }
    }

    [Fact]
    public void A_nucleotide_record_is_refused_unless_allowed()
    {
        string dna = directory.Write("dna.fa", ">gene1\nATGGCGTACGATCGATCGTAGCTAGCTAGCATCGATCGNNACGT\n>P2\nMKVLAAGIVGLLLAQ\n");
        var error = Assert.Throws<FastaFormatException>(() => FastaReader.Read(dna).ToList());
        Assert.Equal("gene1", error.RecordId);
        Assert.Contains("DNA or RNA", error.Message);

        string model = TinyModels.Save(directory.Path("tiny.lsm"), Architecture.RLstm);
        Assert.Equal(ExitCodes.InvalidInput, CliRunner.Run("predict", dna, "-m", model).Exit);
        var allowed = CliRunner.Run("predict", dna, "-m", model, "--allow-nucleotides");
        Assert.True(allowed.Exit == ExitCodes.Success, allowed.Error);
        Assert.Equal(3, allowed.Out.TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public void Every_other_verb_reading_proteins_refuses_a_nucleotide_record_naming_file_and_record()
    {
        // Labelled (DeepLoc layout, so plain FASTA readers take it too) with the DNA in the second record.
        string dna = directory.Write("dna.fa", $">P1 nuclear\n{TinyModels.Sequence(30)}\n>gene1 ER\nATGGCGTACGATCGATCGTAGCTAGCTAGCATCGATCGNNACGT\n>P3 mitochondrial\n{TinyModels.Sequence(30, 2)}\n");
        string folder = Directory.CreateDirectory(directory.Path("multiloc")).FullName;
        File.Copy(dna, Path.Combine(folder, "ER.fasta"));
        string split = directory.Write("dna-split.tsv", "id\tlocation\tpartition\nP1\tnuclear\tfold1\ngene1\tER\tfold2\nP3\tmitochondrial\tfold3\n");
        var (proteins, _, _) = LabelledFiles.Write(directory);
        string rlstm = TinyModels.Save(directory.Path("r.lsm"), Architecture.RLstm);
        string alstm = TinyModels.Save(directory.Path("a.lsm"), Architecture.ALstm);
        string[] train = ["--epochs", "1", .. LabelledFiles.TinyNetwork];

        var runs = new (string Input, string[] Args)[]
        {
            (dna, ["evaluate", "-m", rlstm, dna]),
            (dna, ["calibrate", "-m", rlstm, dna, "-o", directory.Path("calibrated.lsm")]),
            (dna, ["train", dna, "-o", directory.Path("m.lsm"), .. train]),
            (dna, ["train", proteins, "--validation-data", dna, "-o", directory.Path("m.lsm"), .. train]),
            (dna, ["train", proteins, "--calibration-data", dna, "-o", directory.Path("m.lsm"), .. train]),
            (dna, ["cv", dna, "--split", split, "-o", directory.Path("cv"), .. train]),
            (dna, ["ensemble", rlstm, rlstm, "--calibration-data", dna, "-o", directory.Path("e.lsm")]),
            (dna, ["explain", "attention", "-m", alstm, dna, "-o", directory.Path("att")]),
            (dna, ["explain", "attention", "-m", alstm, dna, "--labelled", "-o", directory.Path("att")]),
            (dna, ["explain", "residues", "-m", rlstm, dna, "-o", directory.Path("res")]),
            (dna, ["explain", "embedding", "-m", rlstm, dna, "-o", directory.Path("emb")]),
            (Path.Combine(folder, "ER.fasta"), ["explain", "embedding", "-m", rlstm, folder, "-o", directory.Path("emb")]),
            (dna, ["split", dna, "-n", "2", "-o", directory.Path("parts")]),
            (dna, ["profile", dna, "--db", proteins, "-o", directory.Path("p.tsv"), "--cache", directory.Path("cache")]),
        };
        foreach (var (input, args) in runs)
        {
            var result = CliRunner.Run(args);
            Assert.True(result.Exit == ExitCodes.InvalidInput, $"{string.Join(' ', args)}: exit {result.Exit}: {result.Error}");
            Assert.Contains($"{input} line 3 (record gene1)", result.Error);
            Assert.Contains("DNA or RNA", result.Error);
        }
        Assert.False(File.Exists(directory.Path("m.lsm.log")), "a training run started");
        Assert.False(Directory.Exists(directory.Path("parts")) && Directory.EnumerateFiles(directory.Path("parts")).Any(), "split wrote a part");
    }

    [Fact]
    public void Short_or_protein_like_sequences_are_not_called_nucleotides()
    {
        Assert.False(Nucleotides.LookLikeNucleotides("ACGTACGT"));               // too short to tell
        Assert.False(Nucleotides.LookLikeNucleotides(TinyModels.Sequence(200)));  // all 20 residues
        Assert.True(Nucleotides.LookLikeNucleotides(new string('A', 18) + "MK"));  // exactly 90 %
        Assert.False(Nucleotides.LookLikeNucleotides(new string('A', 17) + "MKV")); // 85 %
    }
}
