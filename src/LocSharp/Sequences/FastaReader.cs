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
    /// <summary>The argument that means standard input on a command line.</summary>
    public const string StandardInput = "-";

    /// <summary>The source name used in errors for standard input.</summary>
    public const string StandardInputName = "<stdin>";

    static readonly System.Text.Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    // Control characters other than tab, and U+FFFD, which the decoder puts in place of bytes that are not UTF-8.
    static readonly SearchValues<char> Binary = SearchValues.Create(
        Enumerable.Range(0, 0xA0).Where(c => char.IsControl((char)c) && c != '\t').Select(c => (char)c)
            .Append('\uFFFD').ToArray());

    /// <summary>Longest line read: a header longer than this is refused rather than buffered without bound
    /// (sequence lines are checked as they arrive, so only a header can grow).</summary>
    public const int MaxLineLength = 1 << 20;

    /// <summary>
    /// The records of a FASTA file (or of <c>source</c>, a path or a named stream), read lazily as the result is
    /// enumerated; a path is opened afresh by each enumeration, a stream source must be enumerated once.
    /// </summary>
    /// <exception cref="FileNotFoundException">
    /// Thrown at once (not on enumeration) when the path does not exist or is a directory; the message names the
    /// path. A missing file is not a format error, so it is not a <see cref="FastaFormatException"/>.
    /// </exception>
    /// <exception cref="FastaFormatException">Thrown during enumeration on the first malformed line.</exception>
    public static IEnumerable<FastaRecord> Read(string path) => Read(InputSource.FromPath(path));

    /// <inheritdoc cref="Read(string)"/>
    /// <param name="allowNucleotides">Accept records that look like DNA or RNA (see <see cref="Nucleotides"/>);
    /// by default they are a <see cref="FastaFormatException"/>.</param>
    public static IEnumerable<FastaRecord> Read(InputSource source, bool allowNucleotides = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Path is string path)
        {
            if (Directory.Exists(path))
                throw new FileNotFoundException($"{path} is a directory, not a FASTA file; give the path of a FASTA file.", path);
            if (!File.Exists(path))
                throw new FileNotFoundException($"FASTA file {path} does not exist; check the path.", path);
        }
        return ReadSource(source, allowNucleotides);
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
        return Parse(stream, sourceName, allowNucleotides: false);
    }

    static IEnumerable<FastaRecord> ReadSource(InputSource source, bool allowNucleotides)
    {
        using var stream = source.Open();
        foreach (var record in Parse(stream, source.Name, allowNucleotides)) yield return record;
    }

    static IEnumerable<FastaRecord> Parse(Stream input, string source, bool allowNucleotides)
    {
        using var text = CompressionSniffer.Open(input, source);
        using var reader = new StreamReader(text, Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var parser = new FastaParser(reader, source, MaxLineLength, allowNucleotides);
        while (parser.Next() is FastaRecord record) yield return record;
    }

    /// <summary>Throws if <paramref name="text"/> (part of line <paramref name="lineNumber"/>, starting at
    /// 0-based <paramref name="column"/>) holds a control character or bytes that are not UTF-8.</summary>
    internal static void CheckIsText(ReadOnlySpan<char> text, string source, int lineNumber, string? recordId, long column)
    {
        int start = text.IndexOfAnyExceptInRange(' ', '~'); // fast path: printable ASCII
        if (start < 0) return;
        int at = text[start..].IndexOfAny(Binary);
        if (at < 0) return;
        at += start;
        string found = text[at] == '\uFFFD'
            ? "bytes that are not UTF-8 text (such as 0xFF)"
            : $"the control character 0x{(int)text[at]:X2}";
        throw new FastaFormatException(source, lineNumber, recordId,
            $"expected text, found {found} at column {column + at + 1}; the input looks binary. FASTA must be ASCII or UTF-8 " +
            "text (gzip-compressed is fine); check that this is the right file.");
    }
}
