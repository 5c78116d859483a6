namespace LocSharp.Tests.Sequences;

/// <summary>Wraps a stream as standard input looks: readable, not seekable, no length or position.</summary>
internal sealed class ForwardOnlyStream(Stream inner) : LocSharp.Sequences.ForwardReadStream
{
    public bool Disposed { get; private set; }

    public override int Read(Span<byte> buffer) => inner.Read(buffer);

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
