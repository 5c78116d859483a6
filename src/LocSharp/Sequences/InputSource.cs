namespace LocSharp.Sequences;

/// <summary>
/// Where an input comes from: a path, or a stream the caller supplies under a name (the CLI gives standard input as
/// "&lt;stdin&gt;"). Every reader takes one, so the library never opens the console itself and every verb reads a
/// path and standard input the same way. A string converts to a path source.
/// </summary>
public sealed class InputSource
{
    readonly Func<Stream>? open;

    InputSource(string name, string? path, Func<Stream>? open) => (Name, Path, this.open) = (name, path, open);

    /// <summary>The name for messages: the path as given, or the stream's name.</summary>
    public string Name { get; }

    /// <summary>The path, or null for a stream.</summary>
    public string? Path { get; }

    /// <summary>Whether this is a path naming a directory.</summary>
    public bool IsDirectory => Path != null && Directory.Exists(Path);

    public static InputSource FromPath(string path) => new(path, path, null);

    /// <summary>A stream under <paramref name="name"/>; <paramref name="open"/> is called once, when the input is read.</summary>
    public static InputSource FromStream(string name, Func<Stream> open) => new(name, null, open);

    public static implicit operator InputSource(string path) => FromPath(path);

    /// <summary>The bytes of the input. The caller disposes the stream.</summary>
    public Stream Open() => open != null ? open() : File.OpenRead(Path!);

    public override string ToString() => Name;
}
