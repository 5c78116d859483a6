using System.Runtime.InteropServices;

namespace LocSharp;

/// <summary>What kind of thing a path names, after following symbolic links.</summary>
public enum FileNodeKind
{
    RegularFile,
    Directory,

    /// <summary>A character or block device (such as /dev/null), a FIFO or a socket: written in place, never replaced.</summary>
    Special,
}

/// <summary>
/// The file a path names, as the operating system identifies it (device and inode on Linux, through statx), so
/// that two different paths to one file (a hard link, <c>./a/../a/x</c>, a symlink) compare equal. Elsewhere the
/// identity falls back to the full path with links resolved.
/// </summary>
public readonly record struct FileNode(FileNodeKind Kind, ulong Device, ulong Inode, string ResolvedPath)
{
    /// <summary>The node at <paramref name="path"/> (links followed), or null when nothing is there.</summary>
    public static FileNode? Of(string path)
    {
        string full = Path.GetFullPath(path);
        if (OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64)
        {
            var buffer = new byte[256];
            if (Statx(AtFdCwd, full, 0, StatxBasicStats, buffer) != 0) return null;
            ushort mode = BitConverter.ToUInt16(buffer, 28);
            ulong inode = BitConverter.ToUInt64(buffer, 32);
            ulong device = ((ulong)BitConverter.ToUInt32(buffer, 136) << 32) | BitConverter.ToUInt32(buffer, 140);
            var kind = (mode & 0xF000) switch { 0x8000 => FileNodeKind.RegularFile, 0x4000 => FileNodeKind.Directory, _ => FileNodeKind.Special };
            return new FileNode(kind, device, inode, Resolve(full));
        }
        if (Directory.Exists(full)) return new FileNode(FileNodeKind.Directory, 0, 0, Resolve(full));
        if (File.Exists(full)) return new FileNode(FileNodeKind.RegularFile, 0, 0, Resolve(full));
        return null;
    }

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> are one existing file.</summary>
    public static bool Same(string a, string b) => Of(a) is FileNode x && Of(b) is FileNode y && x.IsSameAs(y);

    public bool IsSameAs(FileNode other) => Inode != 0 || other.Inode != 0
        ? Device == other.Device && Inode == other.Inode
        : string.Equals(ResolvedPath, other.ResolvedPath, StringComparison.Ordinal);

    /// <summary>The path with every symbolic link along it followed to its final target.</summary>
    public static string Resolve(string path)
    {
        string full = Path.GetFullPath(path);
        for (int hops = 0; hops < 40; hops++)
        {
            var info = new FileInfo(full);
            if (info.LinkTarget == null) break;
            full = Path.GetFullPath(info.LinkTarget, Path.GetDirectoryName(full)!);
        }
        return full;
    }

    const int AtFdCwd = -100;
    const uint StatxBasicStats = 0x7ff;

    // int statx(int dirfd, const char *path, int flags, unsigned int mask, struct statx *buf): one layout on every
    // Linux architecture (mode at byte 28, inode at 32, device major/minor at 136/140), unlike struct stat.
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
