using System.Text;
using LocSharp.Data;
using LocSharp.Tests.Training;

namespace LocSharp.Tests.Cli;

/// <summary>Synthetic labelled proteins written as a DeepLoc-style FASTA with a split TSV beside it.</summary>
static class LabelledFiles
{
    /// <summary>Partitions dealt round-robin: test, fold1, fold2, fold3.</summary>
    public static readonly string[] Partitions = ["test", "fold1", "fold2", "fold3"];

    public static (string Fasta, string Split, LabelledSequences Data) Write(TempDirectory directory, int count = 48, int seed = 4)
    {
        var data = SyntheticProteins.Create(count, seed, maxLength: 40);
        var split = new StringBuilder("id\tlocation\tpartition\n");
        for (int i = 0; i < data.Count; i++)
            split.Append($"{data.Ids[i]}\t{data.Locations[data.Labels[i]]}\t{Partitions[i % Partitions.Length]}\n");
        return (directory.Write("proteins.fasta", SyntheticProteins.Fasta(data)), directory.Write("split.tsv", split.ToString()), data);
    }

    /// <summary>Options for a tiny, quick network.</summary>
    public static readonly string[] TinyNetwork =
        ["--hidden", "4", "--dense", "4", "--filters", "2", "--conv-widths", "1,3", "--batch-size", "8", "--max-length", "40",
         "--learning-rate", "0.01", "--threads", "1"];
}
