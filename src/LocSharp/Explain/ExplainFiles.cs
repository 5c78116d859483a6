using System.Globalization;
using System.Text;

namespace LocSharp.Explain;

/// <summary>Tab-separated tables and file names of the explanation outputs.</summary>
internal static class ExplainFiles
{
    static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes a table atomically, row by row, without holding it in memory.</summary>
    public static void WriteTable(string path, Action<TextWriter> write) => AtomicFile.Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, Utf8NoBom, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        write(writer);
    });

    /// <summary>The first line of a per-residue table: which model's output it holds.</summary>
    public static void WriteModelLine(TextWriter table, string modelName) => table.WriteLine($"# model: {modelName}");

    /// <summary>A value for a table: 6 significant digits, invariant culture.</summary>
    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>Longest file name stem made from an ID: file systems allow 255 bytes, and ".png" and a suffix follow.</summary>
    public const int MaxNameLength = 100;

    /// <summary>A file name for a protein ID: characters other than letters, digits, '.', '-' and '_' become '_',
    /// an ID longer than <see cref="MaxNameLength"/> is cut and given a hash of the whole ID (so two long IDs
    /// that share a start still differ), and a name already used gets a suffix (_2, _3, ...).</summary>
    public static string UniqueName(string id, HashSet<string> used)
    {
        var safe = new StringBuilder(Math.Min(id.Length, MaxNameLength));
        foreach (char c in id.AsSpan(0, Math.Min(id.Length, MaxNameLength)))
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        if (id.Length > MaxNameLength)
        {
            string hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)))[..12].ToLowerInvariant();
            safe.Length = MaxNameLength - 13;
            safe.Append('_').Append(hash);
        }
        if (safe.Length == 0 || safe[0] == '.') safe.Insert(0, '_');
        string name = safe.ToString();
        for (int i = 2; !used.Add(name); i++) name = $"{safe}_{i}";
        return name;
    }
}
