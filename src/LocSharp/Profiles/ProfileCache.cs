using System.Security.Cryptography;
using System.Text;

namespace LocSharp.Profiles;

/// <summary>
/// Profiles already computed, by sequence: <c>CACHE/profiles/RECIPE/HH/HASH.tsv</c>, where RECIPE is a hash of the
/// tool, its version and settings and the database's identity, and HASH the SHA-256 of the sequence. Each entry is a
/// one-protein profile TSV (gzip) written atomically, so a run killed at any moment leaves only whole entries, and the next
/// run computes only what is missing.
/// </summary>
public sealed class ProfileCache
{
    readonly string _folder;

    /// <param name="directory">The cache folder.</param>
    /// <param name="recipe">Everything the profiles depend on besides the sequence (tool, version, settings, database identity).</param>
    public ProfileCache(string directory, string recipe)
    {
        _folder = Path.Combine(directory, "profiles", Hash(recipe)[..16]);
    }

    /// <summary>The folder this recipe's entries live in.</summary>
    public string Folder => _folder;

    /// <summary>The cached profile of <paramref name="sequence"/>, or null.</summary>
    public Profile? TryGet(string sequence)
    {
        string path = PathOf(sequence);
        if (!File.Exists(path)) return null;
        var set = ProfileTsvReader.Read(path);
        var profile = set.For(set.Ids.Single(), sequence);
        return profile;
    }

    /// <summary>Stores the profile of <paramref name="sequence"/>.</summary>
    public void Put(string sequence, Profile profile)
    {
        string path = PathOf(sequence);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.Write(path, stream =>
        {
            using var zip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true);
            using var text = new StreamWriter(zip, new UTF8Encoding(false));
            new ProfileTsvWriter(text).Write("cached", profile);
        });
    }

    string PathOf(string sequence)
    {
        string hash = Hash(sequence);
        return Path.Combine(_folder, hash[..2], hash + ".tsv");
    }

    static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
