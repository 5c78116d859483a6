// See build/TorchSharpOnDebian12.targets for why this exists.
#nullable enable
using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Marks one symbol-version requirement of an ELF64 shared library weak (VER_FLG_WEAK), so that the
/// dynamic loader accepts a libstdc++ that lacks that version. Patches a copy in the output folder only:
/// the file is rewritten through a temporary file and a rename, which also breaks any hard link to the
/// NuGet cache.
/// </summary>
public class MarkGlibcxxVersionWeak : Task
{
    const uint ShtGnuVerdef = 0x6ffffffd;
    const uint ShtGnuVerneed = 0x6ffffffe;
    const ushort VerFlgWeak = 0x2;

    /// <summary>Libraries to patch; missing files are skipped.</summary>
    [Required] public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The version the library needs and older systems lack, e.g. GLIBCXX_3.4.32.</summary>
    [Required] public string Version { get; set; } = "";

    public override bool Execute()
    {
        string? systemLibstdcxx = FindSystemLibstdcxx();
        if (systemLibstdcxx != null && DefinesVersion(File.ReadAllBytes(systemLibstdcxx), Version))
        {
            Log.LogMessage(MessageImportance.Low, $"{systemLibstdcxx} defines {Version}: nothing to patch.");
            return true;
        }
        foreach (var item in Libraries)
        {
            string path = item.ItemSpec;
            if (!File.Exists(path)) continue;
            byte[] bytes = File.ReadAllBytes(path);
            long offset = FindVernauxFlags(bytes, Version);
            if (offset < 0) { Log.LogMessage(MessageImportance.Low, $"{path} does not need {Version}."); continue; }
            ushort flags = BitConverter.ToUInt16(bytes, (int)offset);
            if ((flags & VerFlgWeak) != 0) continue;
            BitConverter.GetBytes((ushort)(flags | VerFlgWeak)).CopyTo(bytes, (int)offset);
            DateTime written = File.GetLastWriteTimeUtc(path);
            string temporary = path + ".weak-" + Guid.NewGuid().ToString("N");
            File.WriteAllBytes(temporary, bytes);
            // Keep the copied file's time stamp so incremental builds see it as up to date and skip the copy.
            File.SetLastWriteTimeUtc(temporary, written);
            File.Replace(temporary, path, null);
            Log.LogMessage(MessageImportance.High, $"LocSharp: marked {Version} weak in {path} (system libstdc++ lacks it).");
        }
        return !Log.HasLoggedErrors;
    }

    /// <summary>The libstdc++.so.6 the dynamic loader would pick, from `ldconfig -p`, else the usual folders.</summary>
    static string? FindSystemLibstdcxx()
    {
        foreach (string ldconfig in new[] { "/sbin/ldconfig", "/usr/sbin/ldconfig" })
        {
            if (!File.Exists(ldconfig)) continue;
            try
            {
                var process = Process.Start(new ProcessStartInfo(ldconfig, "-p") { RedirectStandardOutput = true, UseShellExecute = false })!;
                string output = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                foreach (string line in output.Split('\n'))
                    if (line.TrimStart().StartsWith("libstdc++.so.6 ") && line.Contains("x86-64") && line.Contains("=> "))
                        return line.Substring(line.IndexOf("=> ", StringComparison.Ordinal) + 3).Trim();
            }
            catch (Exception) { }
        }
        foreach (string dir in new[] { "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib" })
            if (File.Exists(Path.Combine(dir, "libstdc++.so.6"))) return Path.Combine(dir, "libstdc++.so.6");
        return null;
    }

    /// <summary>Whether the library's .gnu.version_d defines the version.</summary>
    public static bool DefinesVersion(byte[] elf, string version)
    {
        foreach (var (section, strtab) in VersionSections(elf, ShtGnuVerdef))
        {
            // Verdef: vd_version u16, vd_flags u16, vd_ndx u16, vd_cnt u16, vd_hash u32, vd_aux u32, vd_next u32.
            long entry = section;
            while (true)
            {
                long aux = entry + BitConverter.ToUInt32(elf, (int)entry + 12);
                if (ReadName(elf, strtab, BitConverter.ToUInt32(elf, (int)aux)) == version) return true;
                uint next = BitConverter.ToUInt32(elf, (int)entry + 16);
                if (next == 0) break;
                entry += next;
            }
        }
        return false;
    }

    /// <summary>File offset of vna_flags of the Vernaux naming the version in .gnu.version_r, or -1.</summary>
    public static long FindVernauxFlags(byte[] elf, string version)
    {
        foreach (var (section, strtab) in VersionSections(elf, ShtGnuVerneed))
        {
            // Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32.
            long need = section;
            while (true)
            {
                long aux = need + BitConverter.ToUInt32(elf, (int)need + 8);
                for (int i = 0; i < BitConverter.ToUInt16(elf, (int)need + 2); i++)
                {
                    // Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32.
                    if (ReadName(elf, strtab, BitConverter.ToUInt32(elf, (int)aux + 8)) == version) return aux + 4;
                    aux += BitConverter.ToUInt32(elf, (int)aux + 12);
                }
                uint next = BitConverter.ToUInt32(elf, (int)need + 12);
                if (next == 0) break;
                need += next;
            }
        }
        return -1;
    }

    /// <summary>(file offset of each section of the given type, file offset of its linked string table).</summary>
    static System.Collections.Generic.IEnumerable<(long Section, long StringTable)> VersionSections(byte[] elf, uint type)
    {
        bool isElf64LittleEndian = elf.Length > 64 && elf[0] == 0x7f && elf[1] == (byte)'E' && elf[2] == (byte)'L'
            && elf[3] == (byte)'F' && elf[4] == 2 && elf[5] == 1;
        if (!isElf64LittleEndian) yield break;
        long sectionHeaders = (long)BitConverter.ToUInt64(elf, 0x28);
        int entrySize = BitConverter.ToUInt16(elf, 0x3A), count = BitConverter.ToUInt16(elf, 0x3C);
        for (int i = 0; i < count; i++)
        {
            long header = sectionHeaders + (long)i * entrySize;
            if (BitConverter.ToUInt32(elf, (int)header + 4) != type) continue;
            uint link = BitConverter.ToUInt32(elf, (int)header + 40);
            long linked = sectionHeaders + (long)link * entrySize;
            yield return ((long)BitConverter.ToUInt64(elf, (int)header + 24), (long)BitConverter.ToUInt64(elf, (int)linked + 24));
        }
    }

    static string ReadName(byte[] elf, long strtab, uint offset)
    {
        int start = (int)(strtab + offset), end = start;
        while (elf[end] != 0) end++;
        return Encoding.ASCII.GetString(elf, start, end - start);
    }
}
