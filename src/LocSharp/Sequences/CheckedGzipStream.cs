using ICSharpCode.SharpZipLib;
using ICSharpCode.SharpZipLib.GZip;

namespace LocSharp.Sequences;

/// <summary>
/// Gzip decompression that fails on a truncated or corrupt file (SharpZipLib checks each member's CRC and length;
/// .NET's GZipStream returns the data before a cut as if it were complete). Every failure is an
/// <see cref="InvalidDataException"/> naming the source, whatever reads the stream (FASTA, profiles).
/// </summary>
internal sealed class CheckedGzipStream(Stream compressed, string sourceName) : Stream
{
    readonly GZipInputStream inner = new(compressed) { IsStreamOwner = true };

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return inner.Read(buffer);
        }
        catch (Exception e) when (e is SharpZipBaseException or EndOfStreamException)
        {
            string what = e.Message.Contains("EOF", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("EOS", StringComparison.Ordinal)
                ? "the gzip data is truncated (it ends before the compressed stream does)"
                : "the gzip data is corrupt";
            throw new InvalidDataException($"{sourceName}: {what}: {e.Message}. `gzip -t` checks a file; download or compress it again.", e);
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
