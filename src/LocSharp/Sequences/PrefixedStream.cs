namespace LocSharp.Sequences;

/// <summary>
/// Replays bytes already read from a forward-only stream, then continues with the stream: lets us peek at
/// the first bytes of standard input, which cannot seek. Does not dispose the inner stream.
/// </summary>
internal sealed class PrefixedStream(byte[] prefix, Stream inner) : ForwardReadStream
{
    int _prefixUsed;

    public override int Read(Span<byte> buffer)
    {
        if (_prefixUsed < prefix.Length)
        {
            int n = Math.Min(buffer.Length, prefix.Length - _prefixUsed);
            prefix.AsSpan(_prefixUsed, n).CopyTo(buffer);
            _prefixUsed += n;
            return n;
        }
        return inner.Read(buffer);
    }
}
