using System.Buffers;
using System.Text;

namespace LocSharp.Sequences;

/// <summary>
/// The record being read by <see cref="FastaReader"/>: checks its header and sequence lines and remembers
/// every ID seen to reject duplicates.
/// </summary>
internal sealed class FastaRecordBuilder(string source, bool allowNucleotides = false)
{
    static readonly string Letters = new(Residues.Standard.Order().ToArray());
    static readonly SearchValues<char> ResidueCodes = SearchValues.Create(Residues.All + Residues.All.ToLowerInvariant());

    readonly Dictionary<string, int> _headerLineById = new(StringComparer.Ordinal);
    readonly StringBuilder _sequence = new();
    string _description = "";
    int _headerLine;
    int _starLine;
    long _starColumn;

    /// <summary>The longest sequence read, so that input with no end (a stream of letters) fails in bounded memory.</summary>
    public const int MaxSequenceLength = 10_000_000;

    /// <summary>ID of the record being read, or null before the first header.</summary>
    public string? Id { get; private set; }

    public void Start(string header, int lineNumber)
    {
        int end = 1;
        while (end < header.Length && !char.IsWhiteSpace(header[end])) end++;
        string id = header[1..end];
        if (id.Length == 0)
            throw Error(lineNumber, null,
                $"expected a record ID right after '>', found '{Abbreviate(header)}'; write the header as " +
                "'>ID description' with no space after '>', e.g. '>P12345 my protein'.");
        if (_headerLineById.TryGetValue(id, out int first))
            throw Error(lineNumber, id,
                $"duplicate record ID '{id}', already used by the record at line {first}; IDs (the first word of " +
                "each header) must be unique: rename or remove one of the two records.");
        _headerLineById.Add(id, lineNumber);
        Id = id;
        _description = header[end..].Trim();
        _headerLine = lineNumber;
        _sequence.Clear();
        _starLine = 0;
    }

    /// <summary>Adds <paramref name="line"/>, a sequence line or the part of one that starts at 0-based
    /// <paramref name="columnOffset"/>.</summary>
    public void Append(ReadOnlySpan<char> line, int lineNumber, long columnOffset = 0)
    {
        if (Id is null)
            throw Error(lineNumber, null,
                $"expected a FASTA header starting with '>', found text '{Abbreviate(line.ToString())}'. Is this a plain " +
                "sequence file? Add a header line such as '>my_protein' before the sequence.");
        ReadOnlySpan<char> rest = line;
        while (!rest.IsEmpty)
        {
            int stop = rest.IndexOfAnyExcept(ResidueCodes);
            ReadOnlySpan<char> run = stop < 0 ? rest : rest[..stop];
            if (!run.IsEmpty)
            {
                if (_starLine != 0) throw StarInside();
                if (_sequence.Length + run.Length > MaxSequenceLength)
                    throw Error(_headerLine, Id, $"the sequence is longer than {MaxSequenceLength:N0} residues (the longest known protein has about " +
                        "35,000); is this a genome or a file without line breaks? LocSharp reads protein sequences.");
                _sequence.Append(run);
            }
            if (stop < 0) break;
            char c = rest[stop];
            long column = columnOffset + line.Length - rest.Length + stop + 1;
            rest = rest[(stop + 1)..];
            if (c is ' ' or '\t') continue;
            if (_starLine != 0) throw StarInside();
            if (c != '*') throw Error(lineNumber, Id, InvalidCharacter(c, column));
            (_starLine, _starColumn) = (lineNumber, column);
        }
    }

    FastaFormatException StarInside() =>
        Error(_starLine, Id, $"'*' at column {_starColumn} is followed by more sequence; '*' may only end a record. " +
                             "Remove it, or split the record there.");

    /// <summary>The finished record; <paramref name="nextHeaderLine"/> is null at the end of the input.</summary>
    public FastaRecord Finish(int? nextHeaderLine)
    {
        string id = Id!;
        if (_sequence.Length == 0)
        {
            string found = nextHeaderLine is int next ? $"the next header at line {next}" : "the end of the input";
            throw Error(_headerLine, id,
                $"header with no sequence: expected sequence lines after it, found {found}; add the sequence or remove the header.");
        }
        // Upper-casing the whole sequence once is faster than per line; it returns the same string when already upper case.
        var record = new FastaRecord(id, _description, _sequence.ToString().ToUpperInvariant(), _headerLine);
        if (!allowNucleotides && Nucleotides.LookLikeNucleotides(record.Sequence))
            throw Error(_headerLine, id,
                $"the sequence is {Nucleotides.Fraction(record.Sequence):P0} A/C/G/T/U/N: it looks like DNA or RNA, not protein. " +
                "Translate it first (LocSharp reads amino-acid sequences), or allow nucleotide-like sequences if this really is a protein.");
        Id = null;
        return record;
    }

    static string InvalidCharacter(char c, long column)
    {
        string hint = c switch
        {
            '-' or '.' => " Gaps ('-', '.') suggest an alignment: remove them first.",
            >= '0' and <= '9' => " Digits suggest numbered lines (GenBank style): remove the numbers.",
            '>' => " A header's '>' must be the first character of its line.",
            _ => "",
        };
        return $"invalid character '{c}' in sequence at column {column}; sequences may contain only amino-acid " +
               $"letters ({Letters}, and {Residues.Ambiguous}), optionally ending with '*'.{hint}";
    }

    static string Abbreviate(string text) => text.Length <= 30 ? text : text[..30] + "...";

    FastaFormatException Error(int line, string? recordId, string problem) => new(source, line, recordId, problem);
}
