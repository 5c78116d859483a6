using System.Text;

namespace LocSharp.Sequences;

/// <summary>
/// The line loop of <see cref="FastaReader"/>, in bounded memory: text arrives in 64 K chunks and each chunk is
/// checked for binary content as it comes (so <c>/dev/zero</c> fails at once), sequence lines go to the record
/// piece by piece, and only a header is gathered whole, up to a maximum length.
/// </summary>
internal sealed class FastaParser(TextReader reader, string source, int maxHeaderLength, bool allowNucleotides = false)
{
    readonly char[] buffer = new char[1 << 16];
    readonly FastaRecordBuilder record = new(source, allowNucleotides);
    readonly StringBuilder header = new();
    int start, end;
    int lineNumber;
    bool ended, pendingCarriageReturn;

    /// <summary>The next record, or null at the end of the input.</summary>
    /// <exception cref="FastaFormatException">The input is malformed, binary, truncated or empty.</exception>
    public FastaRecord? Next()
    {
        while (!ended)
        {
            var finished = ReadLine();
            if (finished != null) return finished;
        }
        if (record.Id is not null) return record.Finish(nextHeaderLine: null);
        if (!sawRecord)
            throw new FastaFormatException(source, null, null, lineNumber == 0
                ? "the input is empty; expected FASTA records (a '>ID' header line followed by sequence lines)."
                : "the input has only blank lines; expected FASTA records (a '>ID' header line followed by sequence lines).");
        return null;
    }

    bool sawRecord;

    /// <summary>Reads one line; returns the record it ended (a header line ends the record before it), if any.</summary>
    FastaRecord? ReadLine()
    {
        bool isHeader = false, first = true;
        long column = 0;
        while (true)
        {
            if (start == end && (atEnd || !ReadMore()))
            {
                ended = true;
                if (first) return null; // the input ended at a line start
                break;
            }
            if (pendingCarriageReturn)
            {
                pendingCarriageReturn = false;
                if (buffer[start] == '\n') { start++; continue; }
            }
            var rest = buffer.AsSpan(start, end - start);
            int stop = rest.IndexOfAny('\n', '\r');
            // A line that goes on past the buffer's text: read more first, so that a line shorter than the buffer is one
            // piece (error messages quote it whole), whatever sizes the stream hands out.
            if (stop < 0 && rest.Length < buffer.Length && !atEnd && ReadMore()) continue;
            var piece = stop < 0 ? rest : rest[..stop];
            if (first)
            {
                lineNumber++;
                first = false;
                isHeader = piece.Length > 0 && piece[0] == '>';
                header.Clear();
            }
            FastaReader.CheckIsText(piece, source, lineNumber, record.Id, column);
            if (isHeader)
            {
                if (header.Length + piece.Length > maxHeaderLength)
                    throw new FastaFormatException(source, lineNumber, null,
                        $"the header line is longer than {maxHeaderLength / (1 << 20)} MiB of text; a FASTA header is one line of " +
                        "a few hundred characters at most. Is this a FASTA file?");
                header.Append(piece);
            }
            else if (!piece.IsWhiteSpace())
            {
                record.Append(piece, lineNumber, column);
            }
            column += piece.Length;
            if (stop < 0)
            {
                start = end;
                continue;
            }
            start += stop + 1;
            if (rest[stop] == '\r')
            {
                if (start < end) { if (buffer[start] == '\n') start++; }
                else pendingCarriageReturn = true;
            }
            break;
        }
        if (!isHeader) return null;
        var finished = record.Id is not null ? record.Finish(nextHeaderLine: lineNumber) : null;
        record.Start(header.ToString(), lineNumber);
        sawRecord = true;
        return finished;
    }

    /// <summary>Reads more text after what is left in the buffer (moved to its start); false at the end of the input.</summary>
    bool ReadMore()
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            (start, end) = (0, end - start);
        }
        try
        {
            int n = reader.Read(buffer, end, buffer.Length - end);
            end += n;
            if (n == 0) atEnd = true;
            return n > 0;
        }
        catch (InvalidDataException e)
        {
            string problem = e.Message.StartsWith(source + ": ", StringComparison.Ordinal) ? e.Message[(source.Length + 2)..] : e.Message;
            throw new FastaFormatException(source, null, record.Id, lineNumber == 0 ? problem : $"after line {lineNumber}, {problem}", e);
        }
    }

    bool atEnd;
}
