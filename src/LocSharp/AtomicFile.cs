using System.Collections.Concurrent;

namespace LocSharp;

/// <summary>
/// Writes a file all at once or not at all: the bytes go to a hidden temporary file in the target's directory
/// (same file system, so the rename is atomic), which then replaces the target. Readers never see half a file,
/// and a failed write leaves neither a partial target nor the temporary file behind.
/// Only a regular file or a new path is replaced: a symbolic link is written through (its target is replaced,
/// the link stays), and a device, FIFO or socket (/dev/null, a shell's <c>&gt;(gzip &gt; out.gz)</c>) is written
/// in place, since renaming over it would destroy it.
/// </summary>
public static class AtomicFile
{
    static readonly System.Text.UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    // Temporary files being written, so that a process stopped by a signal can remove them (see RemoveTemporaries).
    static readonly ConcurrentDictionary<string, byte> Temporaries = new();

    /// <exception cref="OutputPathException">The path is a directory, or it cannot be written (the OS's reason).</exception>
    /// <exception cref="DirectoryNotFoundException">Its directory is missing.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        string target = FileNode.Resolve(path);
        switch (FileNode.Of(target)?.Kind)
        {
            case FileNodeKind.Directory:
                throw new OutputPathException(path, "it is a directory; give a file name.");
            case FileNodeKind.Special:
                WriteInPlace(path, target, write);
                return;
        }
        string directory = Path.GetDirectoryName(target)
            ?? throw new OutputPathException(path, "it names a root directory, not a file.");
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Cannot write '{target}': the directory '{directory}' does not exist. Create it first.");

        string temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        Temporaries[temporary] = 0;
        try
        {
            using (var stream = OpenOrExplain(path, () => new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None)))
                Explain(path, () =>
                {
                    write(stream);
                    stream.Flush(flushToDisk: true);
                });
            Explain(path, () => File.Move(temporary, target, overwrite: true));
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
        finally
        {
            Temporaries.TryRemove(temporary, out _);
        }
    }

    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));

    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Utf8NoBom.GetBytes(text));

    /// <summary>Deletes the temporary files that writes of <paramref name="path"/> left behind when their process was
    /// killed (SIGKILL, power loss) in the middle. Only for a caller that knows no other process is writing the path,
    /// as a training run holding its checkpoint's lock.</summary>
    public static void RemoveLeftovers(string path)
    {
        string target = FileNode.Resolve(path);
        if (Path.GetDirectoryName(target) is not { } directory || !Directory.Exists(directory)) return;
        string prefix = $".{Path.GetFileName(target)}.";
        foreach (string file in Directory.EnumerateFiles(directory, prefix + "*.tmp"))
            if (Path.GetFileName(file)[prefix.Length..^".tmp".Length] is { Length: 32 } id && id.All(char.IsAsciiHexDigitLower))
                TryDelete(file);
    }

    /// <summary>Deletes the temporary files of writes still under way; for a process about to exit on a signal.</summary>
    public static void RemoveTemporaries()
    {
        foreach (string temporary in Temporaries.Keys) TryDelete(temporary);
    }

    static void WriteInPlace(string path, string target, Action<Stream> write)
    {
        using var stream = OpenOrExplain(path, () => new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.None));
        Explain(path, () =>
        {
            write(stream);
            stream.Flush();
        });
    }

    static FileStream OpenOrExplain(string path, Func<FileStream> open)
    {
        FileStream? stream = null;
        Explain(path, () => stream = open());
        return stream!;
    }

    /// <summary>Turns the OS's refusals (permission, full disk, read-only file system) into an error naming the path.</summary>
    static void Explain(string path, Action action)
    {
        try
        {
            action();
        }
        catch (UnauthorizedAccessException e)
        {
            throw new OutputPathException(path, $"permission denied ({e.Message})", e);
        }
        catch (IOException e) when (e is not OutputPathException && e.GetType() == typeof(IOException) || e is DirectoryNotFoundException or PathTooLongException)
        {
            throw new OutputPathException(path, e.Message, e);
        }
    }

    static void TryDelete(string file)
    {
        try { File.Delete(file); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>An output that cannot be written: the path and the operating system's reason (exit 1 in the CLI).</summary>
public sealed class OutputPathException(string path, string reason, Exception? inner = null)
    : IOException($"cannot write {path}: {reason}", inner)
{
    public string OutputPath { get; } = path;
}
