using System.Buffers.Binary;
using LocSharp.Tests.Models;
using static TorchSharp.torch;

namespace LocSharp.Tests.Native;

/// <summary>
/// TorchSharp loads and computes, and build/TorchSharpOnDebian12.targets changed exactly what it says in the output
/// copy of libLibTorchSharp.so: one flag byte, only where the system's libstdc++ lacks GLIBCXX_3.4.32.
/// </summary>
[Collection(TorchCollection.Name)]
public class TorchSharpLoadsTests
{
    const string Version = "GLIBCXX_3.4.32";
    const ushort VerFlgWeak = 0x2;

    [Fact]
    public void A_tensor_can_be_created_and_summed()
    {
        using var t = tensor(new float[] { 1, 2, 3, 4 }, [2, 2]);
        using var sum = t.sum();
        Assert.Equal(10f, sum.item<float>());
        Assert.Equal([2L, 2L], t.shape);
    }

    [Fact]
    public void One_LSTM_step_matches_the_gate_equations_in_PyTorch_order_i_f_g_o()
    {
        const int input = 3, hidden = 2;
        using var lstm = nn.LSTM(input, hidden, batchFirst: true);
        var random = new Random(3);
        double[] Draw(int n) => Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        double[] wih = Draw(4 * hidden * input), whh = Draw(4 * hidden * hidden), bih = Draw(4 * hidden), bhh = Draw(4 * hidden);
        double[] x = Draw(input), h = Draw(hidden), c = Draw(hidden);
        TinyNetworks.Set(lstm, "weight_ih_l0", wih);
        TinyNetworks.Set(lstm, "weight_hh_l0", whh);
        TinyNetworks.Set(lstm, "bias_ih_l0", bih);
        TinyNetworks.Set(lstm, "bias_hh_l0", bhh);

        using var x0 = tensor(x.Select(v => (float)v).ToArray(), [1, 1, input]);
        using var h0 = tensor(h.Select(v => (float)v).ToArray(), [1, 1, hidden]);
        using var c0 = tensor(c.Select(v => (float)v).ToArray(), [1, 1, hidden]);
        var (output, hN, cN) = lstm.call(x0, (h0, c0));

        // gates = W_ih x + b_ih + W_hh h + b_hh, rows [i; f; g; o]; c' = σ(f) c + σ(i) tanh(g); h' = σ(o) tanh(c').
        var gates = new double[4 * hidden];
        for (int r = 0; r < 4 * hidden; r++)
        {
            gates[r] = bih[r] + bhh[r];
            for (int k = 0; k < input; k++) gates[r] += wih[r * input + k] * x[k];
            for (int k = 0; k < hidden; k++) gates[r] += whh[r * hidden + k] * h[k];
        }
        static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));
        var expectedC = new double[hidden];
        var expectedH = new double[hidden];
        for (int j = 0; j < hidden; j++)
        {
            double i = Sigmoid(gates[j]), f = Sigmoid(gates[hidden + j]), g = Math.Tanh(gates[2 * hidden + j]), o = Sigmoid(gates[3 * hidden + j]);
            expectedC[j] = f * c[j] + i * g;
            expectedH[j] = o * Math.Tanh(expectedC[j]);
        }

        TinyNetworks.AssertClose(expectedH, TinyNetworks.Values(output), 1e-6, "output");
        TinyNetworks.AssertClose(expectedH, TinyNetworks.Values(hN), 1e-6, "h_n");
        TinyNetworks.AssertClose(expectedC, TinyNetworks.Values(cN), 1e-6, "c_n");
        output.Dispose(); hN.Dispose(); cN.Dispose();
    }

    [Fact]
    public void The_output_copy_differs_from_the_NuGet_original_at_most_in_the_weak_flag_of_GLIBCXX_3_4_32()
    {
        // Load libtorch first, so /proc/self/maps shows the libraries the process really uses.
        using (var t = ones(1)) Assert.Equal(1f, t.item<float>());
        string original = NuGetOriginal();
        byte[] originalBytes = File.ReadAllBytes(original);
        var need = ElfVersions.Needed(originalBytes).Where(n => n.Version == Version).ToList();
        Assert.True(need.Count == 1, $"{original} should need {Version} exactly once (from libstdc++.so.6), found {need.Count}.");
        Assert.Equal("libstdc++.so.6", need[0].File);
        Assert.Equal(0, need[0].Flags & VerFlgWeak);

        string libstdcxx = LoadedLibrary("libstdc++.so");
        bool systemHasVersion = ElfVersions.Defined(File.ReadAllBytes(libstdcxx)).Contains(Version);

        var copies = new[] { "libLibTorchSharp.so", "runtimes/linux-x64/native/libLibTorchSharp.so" }
            .Select(p => Path.Combine(AppContext.BaseDirectory, p)).Where(File.Exists).ToList();
        Assert.NotEmpty(copies);
        foreach (string copy in copies)
        {
            byte[] bytes = File.ReadAllBytes(copy);
            Assert.Equal(originalBytes.Length, bytes.Length);
            var differences = Enumerable.Range(0, bytes.Length).Where(i => bytes[i] != originalBytes[i]).ToList();
            if (systemHasVersion)
            {
                Assert.True(differences.Count == 0, $"{libstdcxx} defines {Version}, so {copy} should be untouched; {differences.Count} bytes differ.");
                continue;
            }
            Assert.True(differences.Count == 1, $"{libstdcxx} lacks {Version}: {copy} should differ from {original} in one byte, not {differences.Count}.");
            long flagsOffset = need[0].FlagsOffset;
            Assert.True(differences[0] == flagsOffset || differences[0] == flagsOffset + 1,
                $"{copy} differs at byte {differences[0]}, not in vna_flags of {Version} (bytes {flagsOffset}-{flagsOffset + 1}).");
            ushort patched = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan((int)flagsOffset));
            Assert.Equal((ushort)(need[0].Flags | VerFlgWeak), patched);
            Assert.Single(ElfVersions.Needed(bytes), n => n.Version == Version && (n.Flags & VerFlgWeak) != 0);
        }
    }

    [Fact]
    public void The_process_loads_the_output_copy_of_libLibTorchSharp_not_the_NuGet_cache()
    {
        using (var t = ones(1)) Assert.Equal(1f, t.item<float>());
        string loaded = LoadedLibrary("libLibTorchSharp.so");
        Assert.StartsWith(Path.GetFullPath(AppContext.BaseDirectory), loaded);
    }

    /// <summary>The unpatched library in the NuGet package folder.</summary>
    static string NuGetOriginal()
    {
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string path = Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(path), $"The NuGet original {path} is missing; restore the solution first.");
        return path;
    }

    /// <summary>Path of the first library in /proc/self/maps whose file name starts with <paramref name="name"/>.</summary>
    static string LoadedLibrary(string name)
    {
        foreach (string line in File.ReadLines("/proc/self/maps"))
        {
            int slash = line.IndexOf('/');
            if (slash < 0) continue;
            string path = line[slash..];
            if (Path.GetFileName(path).StartsWith(name, StringComparison.Ordinal)) return path;
        }
        Assert.Fail($"{name} is not loaded in this process.");
        return "";
    }

    /// <summary>
    /// Reads an ELF64 little-endian shared library's symbol versions the way the dynamic loader finds them: through
    /// the PT_DYNAMIC segment's DT_VERNEED/DT_VERDEF addresses, mapped to file offsets by the PT_LOAD segments.
    /// (build/MarkGlibcxxVersionWeak.cs goes through the section headers instead, so the two check each other.)
    /// </summary>
    static class ElfVersions
    {
        const long DtNull = 0, DtStrtab = 5, DtVerdef = 0x6ffffffc, DtVerdefnum = 0x6ffffffd, DtVerneed = 0x6ffffffe, DtVerneednum = 0x6fffffff;

        public sealed record Need(string File, string Version, ushort Flags, long FlagsOffset);

        public static List<Need> Needed(byte[] elf)
        {
            var dynamic = Dynamic(elf);
            long strtab = Offset(elf, dynamic[DtStrtab]);
            long entry = Offset(elf, dynamic[DtVerneed]);
            var needs = new List<Need>();
            for (long n = 0; n < (long)dynamic[DtVerneednum]; n++)
            {
                string file = Name(elf, strtab + U32(elf, entry + 4));
                long aux = entry + U32(elf, entry + 8);
                for (int a = 0; a < U16(elf, entry + 2); a++)
                {
                    needs.Add(new Need(file, Name(elf, strtab + U32(elf, aux + 8)), U16(elf, aux + 4), aux + 4));
                    aux += U32(elf, aux + 12);
                }
                entry += U32(elf, entry + 12);
            }
            return needs;
        }

        public static HashSet<string> Defined(byte[] elf)
        {
            var dynamic = Dynamic(elf);
            var names = new HashSet<string>();
            if (!dynamic.TryGetValue(DtVerdef, out ulong verdef)) return names;
            long strtab = Offset(elf, dynamic[DtStrtab]);
            long entry = Offset(elf, verdef);
            for (long d = 0; d < (long)dynamic[DtVerdefnum]; d++)
            {
                names.Add(Name(elf, strtab + U32(elf, entry + U32(elf, entry + 12))));
                entry += U32(elf, entry + 16);
            }
            return names;
        }

        static Dictionary<long, ulong> Dynamic(byte[] elf)
        {
            Assert.True(elf.Length > 64 && elf[0] == 0x7f && elf[1] == 'E' && elf[2] == 'L' && elf[3] == 'F' && elf[4] == 2 && elf[5] == 1,
                "Not an ELF64 little-endian file.");
            foreach (var (_, offset, _, _) in ProgramHeaders(elf).Where(h => h.Type == 2))
            {
                var values = new Dictionary<long, ulong>();
                for (long at = offset; ; at += 16)
                {
                    long tag = BinaryPrimitives.ReadInt64LittleEndian(elf.AsSpan((int)at));
                    if (tag == DtNull) return values;
                    values.TryAdd(tag, BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan((int)at + 8)));
                }
            }
            throw new InvalidDataException("No PT_DYNAMIC segment.");
        }

        static IEnumerable<(uint Type, long Offset, ulong VirtualAddress, ulong FileSize)> ProgramHeaders(byte[] elf)
        {
            long table = (long)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(0x20));
            int size = U16(elf, 0x36), count = U16(elf, 0x38);
            for (int i = 0; i < count; i++)
            {
                long h = table + (long)i * size;
                yield return (U32(elf, h), (long)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan((int)h + 8)),
                    BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan((int)h + 16)), BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan((int)h + 32)));
            }
        }

        /// <summary>File offset of a virtual address, through the PT_LOAD segment holding it.</summary>
        static long Offset(byte[] elf, ulong address)
        {
            foreach (var (_, offset, start, size) in ProgramHeaders(elf).Where(h => h.Type == 1))
                if (address >= start && address < start + size) return offset + (long)(address - start);
            throw new InvalidDataException($"Address 0x{address:x} is in no PT_LOAD segment.");
        }

        static ushort U16(byte[] elf, long at) => BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan((int)at));
        static uint U32(byte[] elf, long at) => BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan((int)at));

        static string Name(byte[] elf, long at)
        {
            int end = Array.IndexOf(elf, (byte)0, (int)at);
            return System.Text.Encoding.ASCII.GetString(elf, (int)at, end - (int)at);
        }
    }
}
