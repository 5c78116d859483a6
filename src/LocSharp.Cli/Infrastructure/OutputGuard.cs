using LocSharp.Sequences;

namespace LocSharp.Cli.Infrastructure;

/// <summary>Checks on output paths, made before any work starts.</summary>
public static class OutputGuard
{
    /// <summary>Refuses an output that is the same file as an input (compared by device and inode, so a hard link,
    /// a symlink or <c>./a/../a/x</c> is caught too): writing it would destroy the input.</summary>
    /// <exception cref="UsageException">It is.</exception>
    public static void NotAnInput(string? output, string option, params string?[] inputs)
    {
        if (output == null) return;
        foreach (string? input in inputs)
            if (input != null && input != FastaReader.StandardInputName && FileNode.Same(output, input))
                throw new UsageException($"{option} {output} is the same file as the input {input}; writing it would destroy the input. Choose another output.");
    }

    /// <summary>Refuses a file output whose folder is missing or that names a folder (exit 1, like any output the
    /// file system refuses).</summary>
    /// <exception cref="OutputPathException">It does.</exception>
    public static void IsWritableFilePath(string? output, string option)
    {
        if (output == null) return;
        if (Directory.Exists(output)) throw new OutputPathException(output, $"it is a directory ({option}); give a file name.");
        string folder = Path.GetDirectoryName(Path.GetFullPath(output))!;
        if (!Directory.Exists(FileNode.Resolve(folder)))
            throw new OutputPathException(output, $"the directory {folder} does not exist ({option}); create it first.");
    }

    /// <summary>Refuses a folder output that names an existing file.</summary>
    /// <exception cref="OutputPathException">It does.</exception>
    public static void IsFolderPath(string output, string option)
    {
        if (File.Exists(output) || FileNode.Of(output)?.Kind == FileNodeKind.Special)
            throw new OutputPathException(output, $"it is a file, not a folder ({option}); give a folder (it is created if needed).");
    }
}
