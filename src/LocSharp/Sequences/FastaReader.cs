using System.Buffers;
using System.Text;

namespace LocSharp.Sequences;

/// <summary>
/// Reads FASTA lazily, one record at a time, in memory that does not grow with the input (only the IDs seen
/// so far are kept, to reject duplicates). The model is Biopython's <c>SeqIO.parse(..., "fasta")</c>, made strict:
/// anything that is not a well-formed protein FASTA is a <see cref="FastaFormatException"/> naming the input,
/// line and record.
/// </summary>
/// <remarks>
/// Accepted: gzip (detected from the first bytes, not the name); LF, CRLF or CR line ends; a UTF-8 or UTF-16
/// byte-order mark; blank lines anywhere; sequences on one line or wrapped; upper or lower case; spaces and tabs
/// inside sequence lines; one '*' ending a record (dropped). Rejected: any other character in a sequence
/// (digits, '-', '.', punctuation); text before the first header; a header without sequence; an empty or
/// duplicate ID; control characters or bytes that are not UTF-8 (binary input); zip, bzip2, xz and zstd input;
/// an input with no records.
/// </remarks>
public static class FastaReader
{
    /// <summary>The path that means standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>The source name used in errors for standard input.</summary>
    public const string StandardInputName = "<stdin>";

    static readonly System.Text.Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    // Control characters other than tab, and U+FFFD, which the decoder puts in place of bytes that are not UTF-8.
    static readonly SearchValues<char> Binary = SearchValues.Create(
        Enumerable.Range(0, 0xA0).Where(c => char.IsControl((char)c) && c != '\t').Select(c => (char)c)
            .Append('\uFFFD').ToArray());

    /// <summary>
    /// The records of the FASTA file at <paramref name="path"/> ("-" reads standard input), read lazily as the
    /// result is enumerated; the file is opened afresh by each enumeration.
    /// </summary>
    /// <exception cref="FileNotFoundException">
    /// Thrown at once (not on enumeration) when <paramref name="path"/> does not exist or is a directory; the
    /// message names the path. A missing file is not a format error, so it is not a <see cref="FastaFormatException"/>.
    /// </exception>
    /// <exception cref="FastaFormatException">Thrown during enumeration on the first malformed line.</exception>
    public static IEnumerable<FastaRecord> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == StandardInput) return ReadStandardInput();
        if (Directory.Exists(path))
            throw new FileNotFoundException($"{path} is a directory, not a FASTA file; give the path of a FASTA file.", path);
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"FASTA file {path} does not exist; check the path (or use '{StandardInput}' to read standard input).", path);
        return ReadFile(path);
    }

    /// <summary>
    /// The records of a FASTA stream, read lazily as the result is enumerated (enumerate it once). The stream
    /// need not be seekable and is not disposed. <paramref name="sourceName"/> names the input in errors.
    /// </summary>
    /// <exception cref="FastaFormatException">Thrown during enumeration on the first malformed line.</exception>
    public static IEnumerable<FastaRecord> Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Parse(stream, sourceName);
    }

    static IEnumerable<FastaRecord> ReadStandardInput()
    {
        using var stdin = Console.OpenStandardInput();
        foreach (var record in Parse(stdin, StandardInputName)) yield return record;
    }

    static IEnumerable<FastaRecord> ReadFile(string path)
    {
        using var file = File.OpenRead(path);
        foreach (var record in Parse(file, path)) yield return record;
    }

    static IEnumerable<FastaRecord> Parse(Stream input, string source)
    {
        using var text = CompressionSniffer.Open(input, source);
        using var reader = new StreamReader(text, Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var record = new FastaRecordBuilder(source);
        int lineNumber = 0;
        while (ReadLine(reader, source, lineNumber, record.Id) is string line)
        {
            lineNumber++;
            CheckIsText(line, source, lineNumber, record.Id);
            if (line.StartsWith('>'))
            {
                if (record.Id is not null) yield return record.Finish(nextHeaderLine: lineNumber);
                record.Start(line, lineNumber);
            }
            else if (!line.AsSpan().IsWhiteSpace())
            {
                record.Append(line, lineNumber);
            }
        }
        if (record.Id is not null) yield return record.Finish(nextHeaderLine: null);
        else
            throw new FastaFormatException(source, null, null, lineNumber == 0
                ? "the input is empty; expected FASTA records (a '>ID' header line followed by sequence lines)."
                : "the input has only blank lines; expected FASTA records (a '>ID' header line followed by sequence lines).");
    }

    static string? ReadLine(StreamReader reader, string source, int linesRead, string? recordId)
    {
        try
        {
            return reader.ReadLine();
        }
        catch (InvalidDataException e)
        {
            throw new FastaFormatException(source, null, recordId,
                $"the gzip data is corrupt after line {linesRead} ({e.Message}); download or compress the file again.");
        }
    }

    static void CheckIsText(string line, string source, int lineNumber, string? recordId)
    {
        int start = line.AsSpan().IndexOfAnyExceptInRange(' ', '~'); // fast path: printable ASCII
        if (start < 0) return;
        int at = line.AsSpan(start).IndexOfAny(Binary);
        if (at < 0) return;
        at += start;
        string found = line[at] == '\uFFFD'
            ? "bytes that are not UTF-8 text (such as 0xFF)"
            : $"the control character 0x{(int)line[at]:X2}";
        throw new FastaFormatException(source, lineNumber, recordId,
            $"expected text, found {found} at column {at + 1}; the input looks binary. FASTA must be ASCII or UTF-8 " +
            "text (gzip-compressed is fine); check that this is the right file.");
    }
}
