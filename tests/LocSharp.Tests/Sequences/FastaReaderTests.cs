using LocSharp.Sequences;

namespace LocSharp.Tests.Sequences;

/// <summary>The FASTA text format: what is accepted, and an error naming line and record for everything else.</summary>
public class FastaReaderTests
{
    const string Source = "proteins.fasta";

    static List<FastaRecord> Read(string text) => ReadBytes(System.Text.Encoding.UTF8.GetBytes(text));

    static List<FastaRecord> ReadBytes(byte[] bytes) => FastaReader.Read(new MemoryStream(bytes), Source).ToList();

    static FastaFormatException Fails(string text) => FailsBytes(System.Text.Encoding.UTF8.GetBytes(text));

    static FastaFormatException FailsBytes(byte[] bytes)
    {
        var error = Assert.Throws<FastaFormatException>(() => ReadBytes(bytes));
        Assert.Equal(Source, error.Source);
        Assert.StartsWith(Source, error.Message);
        return error;
    }

    // ---- accepted input ----

    [Fact]
    public void OneLineSequences_GiveIdDescriptionSequenceAndHeaderLine()
    {
        var records = Read(">P1 first protein\nMKV\n>P2\nACDE\n");
        Assert.Equal([new FastaRecord("P1", "first protein", "MKV", 1), new FastaRecord("P2", "", "ACDE", 3)], records);
    }

    [Fact]
    public void WrappedSequence_IsJoined()
    {
        var record = Assert.Single(Read(">P1\nMKVL\nAAGG\nW\n"));
        Assert.Equal("MKVLAAGGW", record.Sequence);
    }

    [Fact]
    public void LowerAndMixedCase_AreUpperCased()
    {
        Assert.Equal("MKVLAW", Assert.Single(Read(">P1\nmkVl\naW\n")).Sequence);
    }

    [Fact]
    public void CrlfLineEnds_AreRead()
    {
        var records = Read(">P1 a b\r\nMK\r\nVL\r\n>P2\r\nW*\r\n");
        Assert.Equal([new FastaRecord("P1", "a b", "MKVL", 1), new FastaRecord("P2", "", "W", 4)], records);
    }

    [Fact]
    public void MissingFinalNewline_IsFine()
    {
        Assert.Equal("MKV", Assert.Single(Read(">P1\nMKV")).Sequence);
    }

    [Fact]
    public void BlankLines_AreAllowedAnywhere_AndCountForLineNumbers()
    {
        var records = Read("\n\n>P1\n\nMK\n   \n\tVL\n\n>P2\nW\n\n\n");
        Assert.Equal([new FastaRecord("P1", "", "MKVL", 3), new FastaRecord("P2", "", "W", 9)], records);
    }

    [Fact]
    public void SpacesAndTabs_InsideSequenceLines_AreIgnored()
    {
        Assert.Equal("MKVLAW", Assert.Single(Read(">P1\n MK V\tL \n\tA W\n")).Sequence);
    }

    [Theory]
    [InlineData(">P1\nMKV*\n")]
    [InlineData(">P1\nMK\nV*\n")]
    [InlineData(">P1\nMKV\n*\n")]
    [InlineData(">P1\nMKV *  \n\n")]
    [InlineData(">P1\nmkv*")]
    public void TrailingStar_AtEndOfRecord_IsDropped(string text)
    {
        Assert.Equal("MKV", Assert.Single(Read(text)).Sequence);
    }

    [Fact]
    public void TrailingStar_OfEveryRecord_IsDropped()
    {
        Assert.Equal(["MK", "VL"], Read(">P1\nMK*\n>P2\nVL*\n").Select(r => r.Sequence));
    }

    [Fact]
    public void AmbiguousCodes_AreAccepted()
    {
        Assert.Equal("ACBZJUOXbzjuox".ToUpperInvariant(), Assert.Single(Read(">P1\nACBZJUOXbzjuox\n")).Sequence);
    }

    [Fact]
    public void Description_IsTheRestOfTheHeaderTrimmed_AndIdMayBeFollowedByATab()
    {
        var record = Assert.Single(Read(">sp|P12345|ABC_HUMAN\t  Some protein  OS=Homo sapiens  \nMK\n"));
        Assert.Equal("sp|P12345|ABC_HUMAN", record.Id);
        Assert.Equal("Some protein  OS=Homo sapiens", record.Description);
    }

    [Fact]
    public void HeaderWithTrailingSpaces_HasEmptyDescription()
    {
        var record = Assert.Single(Read(">P1   \nMK\n"));
        Assert.Equal(("P1", ""), (record.Id, record.Description));
    }

    [Fact]
    public void NonAsciiUtf8_InDescription_IsKept()
    {
        Assert.Equal("α-amylase (Bacillus)", Assert.Single(Read(">P1 α-amylase (Bacillus)\nMK\n")).Description);
    }

    [Fact]
    public void Utf8ByteOrderMark_IsIgnored()
    {
        var record = Assert.Single(ReadBytes([0xEF, 0xBB, 0xBF, .. System.Text.Encoding.ASCII.GetBytes(">P1\nMK\n")]));
        Assert.Equal(("P1", "MK"), (record.Id, record.Sequence));
    }

    [Fact]
    public void RecordsBeforeAnError_AreYieldedFirst()
    {
        using var records = FastaReader.Read(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(">P1\nMK\n>P2\nM1\n")), Source).GetEnumerator();
        Assert.True(records.MoveNext());
        Assert.Equal("P1", records.Current.Id);
        var error = Assert.Throws<FastaFormatException>(() => records.MoveNext());
        Assert.Equal((4, "P2"), (error.Line, error.RecordId));
    }

    // ---- errors ----

    [Fact]
    public void Digit_InSequence_NamesFileLineRecordAndTheAlphabet()
    {
        var error = Fails(">P1\nMK\n\n>P9\nW\n\n>P12345 kinase\nMKV3L\n");
        Assert.Equal((8, "P12345"), (error.Line, error.RecordId));
        Assert.StartsWith(
            "proteins.fasta line 8 (record P12345): invalid character '3' in sequence at column 4; sequences may " +
            "contain only amino-acid letters (ACDEFGHIKLMNPQRSTVWY, and BZJUOX), optionally ending with '*'.",
            error.Message);
    }

    [Theory]
    [InlineData('-', "alignment")]
    [InlineData('.', "alignment")]
    [InlineData('1', "numbered")]
    [InlineData('>', "first character")]
    [InlineData('!', "")]
    [InlineData('#', "")]
    [InlineData('_', "")]
    [InlineData('é', "")]
    public void InvalidCharacter_InSequence_IsAnError(char c, string hint)
    {
        var error = Fails($">P1\nMKVL\nAA{c}W\n");
        Assert.Equal((3, "P1"), (error.Line, error.RecordId));
        Assert.Contains($"invalid character '{c}' in sequence at column 3", error.Message);
        Assert.Contains(hint, error.Message);
    }

    [Theory]
    [InlineData(">P1\nMK*VL\n", 2)]
    [InlineData(">P1\nMK*\nVL\n", 2)]
    [InlineData(">P1\nMK**\n", 2)]
    [InlineData(">P1\nMK\n*\n\nW\n>P2\nW\n", 3)]
    public void Star_BeforeTheEndOfTheRecord_IsAnError(string text, int starLine)
    {
        var error = Fails(text);
        Assert.Equal((starLine, "P1"), (error.Line, error.RecordId));
        Assert.Contains("'*' may only end a record", error.Message);
    }

    [Fact]
    public void HeaderWithoutSequence_BeforeTheNextHeader_IsAnError()
    {
        var error = Fails(">P1\nMK\n>P2 empty\n\n>P3\nVL\n");
        Assert.Equal((3, "P2"), (error.Line, error.RecordId));
        Assert.Contains("header with no sequence", error.Message);
        Assert.Contains("the next header at line 5", error.Message);
    }

    [Theory]
    [InlineData(">P1\nMK\n>P2\n")]
    [InlineData(">P1\nMK\n>P2")]
    [InlineData(">P1\nMK\n>P2\n\n  \n")]
    [InlineData(">P1\nMK\n>P2\n*\n")]
    public void HeaderWithoutSequence_AtTheEnd_IsAnError(string text)
    {
        var error = Fails(text);
        Assert.Equal((3, "P2"), (error.Line, error.RecordId));
        Assert.Contains("header with no sequence", error.Message);
        Assert.Contains("the end of the input", error.Message);
    }

    [Fact]
    public void SequenceBeforeTheFirstHeader_AsksIfThisIsAPlainSequenceFile()
    {
        var error = Fails("\nMKVLAAGW\n>P1\nMK\n");
        Assert.Equal(2, error.Line);
        Assert.Null(error.RecordId);
        Assert.Equal(
            "proteins.fasta line 2: expected a FASTA header starting with '>', found text 'MKVLAAGW'. Is this a plain " +
            "sequence file? Add a header line such as '>my_protein' before the sequence.",
            error.Message);
    }

    [Fact]
    public void EmptyInput_IsAnError()
    {
        var error = Fails("");
        Assert.Null(error.Line);
        Assert.Null(error.RecordId);
        Assert.Contains("the input is empty", error.Message);
    }

    [Fact]
    public void OnlyBlankLines_IsAnError()
    {
        var error = Fails("\n  \r\n\t\n");
        Assert.Null(error.Line);
        Assert.Contains("only blank lines", error.Message);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x01)]
    [InlineData(0x07)]
    [InlineData(0x0C)]
    [InlineData(0x1B)]
    [InlineData(0x7F)]
    public void ControlCharacter_InSequence_IsBinaryInput(byte control)
    {
        var error = FailsBytes([.. ">P1\nMK\n>P2\nMK"u8, control, .. "VL\n"u8]);
        Assert.Equal((4, "P2"), (error.Line, error.RecordId));
        Assert.Contains($"the control character 0x{control:X2} at column 3", error.Message);
        Assert.Contains("looks binary", error.Message);
    }

    [Fact]
    public void NulByte_InHeader_IsBinaryInput()
    {
        var error = FailsBytes([.. ">P1 abc"u8, 0, .. "\nMK\n"u8]);
        Assert.Equal((1, null), (error.Line, error.RecordId));
        Assert.Contains("0x00", error.Message);
    }

    [Fact]
    public void InvalidUtf8_IsBinaryInput()
    {
        var error = FailsBytes([.. ">P1\nMK\n\n"u8, 0xFF, 0xFE, 0x00, 0x12]);
        Assert.Equal((4, "P1"), (error.Line, error.RecordId));
        Assert.Contains("not UTF-8", error.Message);
    }

    [Fact]
    public void InvalidUtf8_InHeader_IsBinaryInput()
    {
        var error = FailsBytes([.. ">P1 caf"u8, 0xE9, .. "\nMK\n"u8]);
        Assert.Equal(1, error.Line);
        Assert.Contains("not UTF-8", error.Message);
    }

    [Fact]
    public void DuplicateId_NamesBothLines()
    {
        var error = Fails(">P1\nMK\n>P2\nVL\n>P1 again\nW\n");
        Assert.Equal((5, "P1"), (error.Line, error.RecordId));
        Assert.Contains("duplicate record ID 'P1', already used by the record at line 1", error.Message);
    }

    [Fact]
    public void Ids_AreCaseSensitive()
    {
        Assert.Equal(["p1", "P1"], Read(">p1\nMK\n>P1\nMK\n").Select(r => r.Id));
    }

    [Theory]
    [InlineData(">\nMK\n")]
    [InlineData("> P1 protein\nMK\n")]
    [InlineData(">\tP1\nMK\n")]
    [InlineData(">   \nMK\n")]
    public void EmptyId_IsAnError(string text)
    {
        var error = Fails(">P0\nW\n" + text);
        Assert.Equal(3, error.Line);
        Assert.Null(error.RecordId);
        Assert.Contains("expected a record ID right after '>'", error.Message);
    }

    [Fact]
    public void ExceptionSource_AgreesWithBaseExceptionSource()
    {
        Exception error = Fails(">P1\n1\n");
        Assert.Equal(Source, error.Source);
    }
}
