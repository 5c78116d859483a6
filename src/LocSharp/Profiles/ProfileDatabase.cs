using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LocSharp.Sequences;

namespace LocSharp.Profiles;

/// <summary>
/// The database a profile tool searches, ready to use. Given a protein FASTA (plain or gzip), the tool's own database
/// is built once in the cache folder (MMseqs2: createdb and createindex; BLAST: makeblastdb) under a name derived from
/// the FASTA's content, and reused by later runs; given an existing MMseqs2 or BLAST protein database, it is used in
/// place.
/// </summary>
/// <param name="Path">What the tool is given: the database's path without extension.</param>
/// <param name="Name">The name recorded in recipes.</param>
/// <param name="Sequences">Sequences in the database.</param>
/// <param name="Identity">What identifies the database's content in cache keys: the FASTA's SHA-256, or for an
/// existing database its full path, file sizes and modification times.</param>
public sealed record ProfileDatabase(string Path, string Name, long Sequences, string Identity)
{
    /// <summary>Above this fraction of A, C, G, T, U and N among its residues, a FASTA is taken for nucleotides.</summary>
    public const double NucleotideFraction = 0.9;

    /// <summary>Makes <paramref name="database"/> ready for <paramref name="tool"/>, building it in
    /// <paramref name="cacheDirectory"/>/databases when it is a FASTA and was not built before.</summary>
    /// <param name="name">The name to record; default: the database's file name.</param>
    /// <exception cref="ProfileToolException">Not a protein database, one of the other tool, or the build failed.</exception>
    /// <exception cref="FileNotFoundException">Nothing at <paramref name="database"/>.</exception>
    public static ProfileDatabase Prepare(string database, ProfileTool tool, string cacheDirectory, ExternalProgram programs,
        int threads, string? name = null, Action<string>? log = null, CancellationToken cancellation = default)
    {
        string full = System.IO.Path.GetFullPath(database);
        name ??= System.IO.Path.GetFileName(full);
        if (File.Exists(full + ".dbtype")) return ExistingMmseqs(full, tool, name);
        if (BlastFiles(full, "p").Any()) return ExistingBlast(full, tool, name, programs, cancellation);
        if (BlastFiles(full, "n").Any())
            throw new ProfileToolException($"{database} is a nucleotide BLAST database; profiles need a protein database (a protein FASTA such as Swiss-Prot or UniRef50).");
        if (!File.Exists(full))
            throw new FileNotFoundException($"Database {database} does not exist: give a protein FASTA (plain or gzip), an MMseqs2 database or a BLAST database (its path without extension).", database);
        return FromFasta(full, tool, cacheDirectory, programs, threads, name, log, cancellation);
    }

    static ProfileDatabase ExistingMmseqs(string path, ProfileTool tool, string name)
    {
        if (tool != ProfileTool.Mmseqs)
            throw new ProfileToolException($"{path} is an MMseqs2 database; {tool.Name()} needs a BLAST database or a protein FASTA.");
        byte[] type = File.ReadAllBytes(path + ".dbtype");
        int kind = type.Length >= 4 ? BitConverter.ToInt32(type, 0) & 0xFFFF : -1;
        if (kind != 0)
            throw new ProfileToolException($"{path} is not an MMseqs2 protein sequence database (its dbtype is {kind}; {(kind == 1 ? "nucleotides" : "not amino acids")}); profiles need a protein database.");
        long sequences = File.ReadLines(path + ".index").LongCount();
        return new(path, name, sequences, Identify(path, [path, path + ".index", path + ".dbtype"]));
    }

    static ProfileDatabase ExistingBlast(string path, ProfileTool tool, string name, ExternalProgram programs, CancellationToken cancellation)
    {
        if (tool != ProfileTool.Psiblast)
            throw new ProfileToolException($"{path} is a BLAST database; {tool.Name()} needs an MMseqs2 database or a protein FASTA.");
        string info = programs.Run("blastdbcmd", ["-db", path, "-info"], cancellation);
        var count = System.Text.RegularExpressions.Regex.Match(info, @"([\d,]+) sequences");
        long sequences = count.Success ? long.Parse(count.Groups[1].Value.Replace(",", "")) : 0;
        return new(path, name, sequences, Identify(path, BlastFiles(path, "p")));
    }

    static IEnumerable<string> BlastFiles(string path, string kind)
    {
        string? directory = System.IO.Path.GetDirectoryName(path);
        if (directory == null || !Directory.Exists(directory)) return [];
        string stem = System.IO.Path.GetFileName(path);
        return Directory.EnumerateFiles(directory, stem + ".*").Where(f =>
        {
            string rest = System.IO.Path.GetFileName(f)[stem.Length..];
            return rest == $".{kind}in" || rest == $".{kind}al" || System.Text.RegularExpressions.Regex.IsMatch(rest, $@"^\.\d+\.{kind}in$");
        }).Order(StringComparer.Ordinal);
    }

    /// <summary>An existing database's identity: its full path and each file's size and modification time.</summary>
    static string Identify(string path, IEnumerable<string> files)
    {
        var text = new StringBuilder(path);
        foreach (string file in files.Where(File.Exists))
        {
            var info = new FileInfo(file);
            text.Append('|').Append(info.Name).Append(':').Append(info.Length).Append(':').Append(info.LastWriteTimeUtc.Ticks);
        }
        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
    }

    static ProfileDatabase FromFasta(string fasta, ProfileTool tool, string cacheDirectory, ExternalProgram programs, int threads,
        string name, Action<string>? log, CancellationToken cancellation)
    {
        var (identity, sequences) = FastaFacts.Of(fasta, System.IO.Path.Combine(cacheDirectory, "databases", "fasta"), log);
        string folder = System.IO.Path.Combine(cacheDirectory, "databases", $"{tool.Name()}-{identity[..16]}");
        string db = System.IO.Path.Combine(folder, "db");
        if (File.Exists(System.IO.Path.Combine(folder, "complete"))) return new(db, name, sequences, identity);

        log?.Invoke($"building the {tool.Name()} database of {fasta} ({sequences:N0} sequences) in {folder}, once");
        string building = folder + $".{Guid.NewGuid():N}.tmp";
        Directory.CreateDirectory(building);
        try
        {
            string target = System.IO.Path.Combine(building, "db");
            if (tool == ProfileTool.Mmseqs)
            {
                programs.Run("mmseqs", ["createdb", fasta, target], cancellation);
                programs.Run("mmseqs", ["createindex", target, System.IO.Path.Combine(building, "tmp"), "--threads", threads.ToString()], cancellation);
                Directory.Delete(System.IO.Path.Combine(building, "tmp"), recursive: true);
            }
            else
            {
                string input = fasta;
                if (FastaFacts.IsGzip(fasta))
                {
                    input = System.IO.Path.Combine(building, "db.fasta");
                    using var source = File.OpenRead(fasta);
                    using var text = new System.IO.Compression.GZipStream(source, System.IO.Compression.CompressionMode.Decompress);
                    using var copy = File.Create(input);
                    text.CopyTo(copy);
                }
                programs.Run("makeblastdb", ["-in", input, "-dbtype", "prot", "-out", target, "-title", name], cancellation);
                if (input != fasta) File.Delete(input);
            }
            File.WriteAllText(System.IO.Path.Combine(building, "complete"), $"{fasta}\n");
            try { Directory.Move(building, folder); }
            catch (IOException) when (File.Exists(System.IO.Path.Combine(folder, "complete"))) { Directory.Delete(building, true); } // another run won
        }
        catch
        {
            if (Directory.Exists(building)) Directory.Delete(building, recursive: true);
            throw;
        }
        return new(db, name, sequences, identity);
    }

    /// <summary>A database FASTA's SHA-256 and sequence count, checked to hold proteins; remembered by path, size and
    /// modification time so a large FASTA is read once.</summary>
    static class FastaFacts
    {
        sealed record Facts(string Identity, long Sequences);

        public static (string Identity, long Sequences) Of(string fasta, string memo, Action<string>? log)
        {
            var info = new FileInfo(fasta);
            string key = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{fasta}|{info.Length}|{info.LastWriteTimeUtc.Ticks}")));
            string memoFile = System.IO.Path.Combine(memo, key + ".json");
            if (File.Exists(memoFile) && JsonSerializer.Deserialize<Facts>(File.ReadAllText(memoFile)) is { } known)
                return (known.Identity, known.Sequences);

            log?.Invoke($"reading {fasta} to identify it");
            string identity;
            using (var stream = File.OpenRead(fasta)) identity = Convert.ToHexStringLower(SHA256.HashData(stream));
            long sequences = 0, residues = 0, nucleotides = 0;
            foreach (var record in FastaReader.Read(InputSource.FromPath(fasta), allowNucleotides: true))
            {
                sequences++;
                residues += record.Sequence.Length;
                foreach (char c in record.Sequence) if (c is 'A' or 'C' or 'G' or 'T' or 'U' or 'N') nucleotides++;
            }
            if (residues > 0 && nucleotides >= NucleotideFraction * residues)
                throw new ProfileToolException($"{fasta} looks like nucleotide sequences ({100.0 * nucleotides / residues:F0}% A, C, G, T, U, N); profiles need a protein database such as Swiss-Prot or UniRef50.");
            Directory.CreateDirectory(memo);
            AtomicFile.WriteAllText(memoFile, JsonSerializer.Serialize(new Facts(identity, sequences)));
            return (identity, sequences);
        }

        public static bool IsGzip(string path)
        {
            using var file = File.OpenRead(path);
            return file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
        }
    }
}
