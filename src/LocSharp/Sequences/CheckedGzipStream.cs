using ICSharpCode.SharpZipLib;
using ICSharpCode.SharpZipLib.GZip;

namespace LocSharp.Sequences;

/// <summary>
/// Gzip decompression that fails on a truncated or corrupt file (SharpZipLib checks each member's CRC and length;
/// .NET's GZipStream returns the data before a cut as if it were complete). Every failure is an
/// <see cref="InvalidDataException"/> naming the source, whatever reads the stream (FASTA, profiles).
/// </summary>
internal sealed class CheckedGzipStream(Stream compressed, string sourceName) : ForwardReadStream
{
    readonly GZipInputStream inner = new(compressed) { IsStreamOwner = true };

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

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
