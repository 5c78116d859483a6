using System.Text;

namespace LocSharp.Cli.Infrastructure;

/// <summary>Standard output whose write failures (a full disk, <c>&gt; /dev/full</c>, a closed pipe) name it, so
/// they are reported in one line with exit 1 like any other output that cannot be written.</summary>
internal sealed class StandardOutput(TextWriter inner) : TextWriter
{
    public override System.Text.Encoding Encoding => inner.Encoding;
    public override void Write(char value) => Guard(() => inner.Write(value));
    public override void Write(string? value) => Guard(() => inner.Write(value));
    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));
    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));
    public override void Flush() => Guard(inner.Flush);

    static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e) when (e is not OutputPathException)
        {
            throw new OutputPathException("standard output", e.Message, e);
        }
    }
}
