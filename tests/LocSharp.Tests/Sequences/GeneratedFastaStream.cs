
namespace LocSharp.Tests.Sequences;

/// <summary>
/// A forward-only stream of well-formed FASTA generated on the fly: records <c>&gt;G0</c>, <c>&gt;G1</c>, ... of
/// <paramref name="residuesPerRecord"/> residues wrapped at 60, up to <paramref name="length"/> bytes (the last
/// record may be cut short; stop before it). Counts the bytes handed out, so tests can see how far a reader went.
/// </summary>
internal sealed class GeneratedFastaStream(long length, int residuesPerRecord = 1000) : LocSharp.Sequences.ForwardReadStream
{
    byte[] _record = [];
    int _recordUsed;
    int _nextRecord;
    byte[][]? _bodies;

    public long BytesRead { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        if (BytesRead >= length || buffer.Length == 0) return 0;
        if (_recordUsed == _record.Length) (_record, _recordUsed) = (Record(_nextRecord++), 0);
        int n = (int)Math.Min(Math.Min(buffer.Length, _record.Length - _recordUsed), length - BytesRead);
        _record.AsSpan(_recordUsed, n).CopyTo(buffer);
        _recordUsed += n;
        BytesRead += n;
        return n;
    }

    // Twenty sequences, each a rotation of the standard residues, shared by all records.
    byte[] Record(int index)
    {
        _bodies ??= Enumerable.Range(0, 20).Select(Body).ToArray();
        return [.. System.Text.Encoding.ASCII.GetBytes($">G{index} generated\n"), .. _bodies[index % 20]];
    }

    byte[] Body(int shift)
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < residuesPerRecord; i++)
        {
            text.Append(LocSharp.Sequences.Residues.Standard[(shift + i) % 20]);
            if (i % 60 == 59 || i == residuesPerRecord - 1) text.Append('\n');
        }
        return System.Text.Encoding.ASCII.GetBytes(text.ToString());
    }
}
