using System.Globalization;
using LocSharp.Explain.Figures;
using LocSharp.Sequences;

namespace LocSharp.Tests.Explain;

public class MemeMotifWriterTests
{
    /// <summary>What a MEME reader takes from a minimal-format file.</summary>
    sealed record ParsedMotif(string Name, int Alength, int W, int Nsites, double E, List<double[]> Rows);
    sealed record ParsedFile(string Version, string Alphabet, Dictionary<char, double> Background, List<ParsedMotif> Motifs);

    /// <summary>
    /// A strict reader of MEME's minimal motif format: fails on anything out of place, so the writer's output is
    /// held to what meme-suite tools (Tomtom, FIMO) accept.
    /// </summary>
    static ParsedFile Parse(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        int i = 0;
        string Next()
        {
            while (i < lines.Count && lines[i].Trim().Length == 0) i++;
            Assert.True(i < lines.Count, "unexpected end of file");
            return lines[i++];
        }

        string version = Next();
        Assert.StartsWith("MEME version ", version);
        string alphabetLine = Next();
        Assert.StartsWith("ALPHABET= ", alphabetLine);
        string alphabet = alphabetLine["ALPHABET= ".Length..].Trim();
        Assert.Equal("Background letter frequencies", Next());
        var backgroundFields = Next().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2 * alphabet.Length, backgroundFields.Length);
        var background = new Dictionary<char, double>();
        for (int k = 0; k < backgroundFields.Length; k += 2)
            background[Assert.Single(backgroundFields[k])] = double.Parse(backgroundFields[k + 1], CultureInfo.InvariantCulture);

        var motifs = new List<ParsedMotif>();
        while (true)
        {
            while (i < lines.Count && lines[i].Trim().Length == 0) i++;
            if (i == lines.Count) break;
            string motif = Next();
            Assert.StartsWith("MOTIF ", motif);
            string name = motif["MOTIF ".Length..].Split(' ')[0];
            var header = Next().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(10, header.Length);
            Assert.Equal(["letter-probability", "matrix:", "alength=", "w=", "nsites=", "E="],
                [header[0], header[1], header[2], header[4], header[6], header[8]]);
            int alength = int.Parse(header[3]), w = int.Parse(header[5]), nsites = int.Parse(header[7]);
            double e = double.Parse(header[9], CultureInfo.InvariantCulture);
            var rows = new List<double[]>();
            for (int r = 0; r < w; r++)
                rows.Add(Next().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
            motifs.Add(new ParsedMotif(name, alength, w, nsites, e, rows));
        }
        return new ParsedFile(version, alphabet, background, motifs);
    }

    static float[,] Filter(int width, params (char Residue, int Position, float Weight)[] entries)
    {
        var w = new float[20, width];
        foreach (var (residue, position, weight) in entries) w[Residues.StandardIndex(residue), position] = weight;
        return w;
    }

    static readonly NamedFilter Strong = new("conv3_f0", Filter(3, ('W', 0, 2f), ('R', 1, 1f), ('K', 1, 1f), ('A', 2, -1f)));
    static readonly NamedFilter Single = new("conv1_f7", Filter(1, ('V', 0, 0.5f)));

    [Fact]
    public void Output_ParsesAsMemeVersion4WithTheProteinAlphabet()
    {
        var file = Parse(MemeMotifWriter.Format([Strong, Single]));

        Assert.Equal("MEME version 4", file.Version);
        Assert.Equal("ACDEFGHIKLMNPQRSTVWY", file.Alphabet);
        Assert.Equal(20, file.Background.Count);
        Assert.All(file.Background.Values, f => Assert.Equal(0.05, f, 12));
        Assert.Equal(["conv3_f0", "conv1_f7"], file.Motifs.Select(m => m.Name));
    }

    [Fact]
    public void EveryMotif_HasWRowsOf20ProbabilitiesSummingToOne()
    {
        var file = Parse(MemeMotifWriter.Format([Strong, Single]));

        Assert.Equal([3, 1], file.Motifs.Select(m => m.W));
        foreach (var motif in file.Motifs)
        {
            Assert.Equal(20, motif.Alength);
            Assert.Equal(20, motif.Nsites);
            Assert.Equal(0, motif.E);
            Assert.Equal(motif.W, motif.Rows.Count);
            foreach (var row in motif.Rows)
            {
                Assert.Equal(20, row.Length);
                Assert.All(row, p => Assert.InRange(p, 0, 1));
                Assert.Equal(1.0, row.Sum(), 1e-6);
            }
        }
    }

    [Fact]
    public void Columns_FollowMemesAlphabeticalOrderNotLocSharps()
    {
        var rows = Parse(MemeMotifWriter.Format([Strong])).Motifs[0].Rows;
        string alphabet = MemeMotifWriter.Alphabet;

        // W is index 17 in ARNDCQEGHILKMFPSTWYV but 18 in ACDEFGHIKLMNPQRSTVWY.
        Assert.Equal(alphabet.IndexOf('W'), Array.IndexOf(rows[0], rows[0].Max()));
        // R and K share position 2 equally, and nothing else there is positive.
        Assert.Equal(rows[1][alphabet.IndexOf('R')], rows[1][alphabet.IndexOf('K')]);
        Assert.True(rows[1][alphabet.IndexOf('R')] > 0.4);
        // Position 3 has no positive weight: uniform.
        Assert.All(rows[2], p => Assert.Equal(0.05, p, 6));
    }

    [Fact]
    public void Probabilities_FollowTheDocumentedRule()
    {
        // ε = 0.01 × largest weight (2) = 0.02. Position 1: W (2 + 0.02) / (2 + 20 × 0.02) = 2.02 / 2.4.
        double[,] p = MemeMotifWriter.ToProbabilities(Strong.Weights, 0.01);

        Assert.Equal(2.02 / 2.4, p[0, MemeMotifWriter.Alphabet.IndexOf('W')], 12);
        Assert.Equal(0.02 / 2.4, p[0, MemeMotifWriter.Alphabet.IndexOf('A')], 12);
        // Position 2: R (1 + 0.02) / (2 + 0.4).
        Assert.Equal(1.02 / 2.4, p[1, MemeMotifWriter.Alphabet.IndexOf('R')], 12);
    }

    [Fact]
    public void GivenBackground_IsWrittenInAlphabetOrder()
    {
        var background = MemeMotifWriter.Alphabet.ToDictionary(c => c, c => c == 'L' ? 0.24 : 0.04);

        var file = Parse(MemeMotifWriter.Format([Single], new MemeOptions { Background = background }));

        Assert.Equal(0.24, file.Background['L'], 6);
        Assert.Equal(0.04, file.Background['A'], 6);
        Assert.Equal(1.0, file.Background.Values.Sum(), 6);
    }

    [Fact]
    public void Write_CreatesTheFileAtomically()
    {
        string directory = Directory.CreateTempSubdirectory("locsharp-meme-").FullName;
        try
        {
            string path = Path.Combine(directory, "filters.meme");
            MemeMotifWriter.Write(path, [Strong, Single]);

            Assert.Equal(2, Parse(File.ReadAllText(path)).Motifs.Count);
            Assert.Equal(["filters.meme"], Directory.GetFiles(directory).Select(Path.GetFileName));
        }
        finally { Directory.Delete(directory, recursive: true); }
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("")]
    public void MotifNames_MustBeOneWord(string name)
    {
        Assert.Throws<ArgumentException>(() => MemeMotifWriter.Format([new NamedFilter(name, Single.Weights)]));
    }

    [Fact]
    public void DuplicateNames_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => MemeMotifWriter.Format([Single, Single]));
    }
}
