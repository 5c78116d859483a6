namespace LocSharp.Models;

/// <summary>A model file that cannot be used: missing, truncated, corrupt, or of another format version.</summary>
public sealed class ModelFileException(string path, string problem, Exception? inner = null)
    : Exception($"{path}: {problem}", inner)
{
    public string Path { get; } = path;
}
