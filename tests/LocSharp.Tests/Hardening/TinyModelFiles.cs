using LocSharp.Models;

namespace LocSharp.Tests.Hardening;

/// <summary>A temporary folder with a tiny R-LSTM model and a two-protein FASTA, for the command-line hardening tests.</summary>
public abstract class TinyModelFiles : TempFolderTests
{
    protected readonly string model;
    protected readonly string fasta;

    protected TinyModelFiles()
    {
        model = TinyModels.Save(directory.Path("tiny.lsm"), Architecture.RLstm, weightScale: 0.5);
        fasta = directory.Write("in.fasta", $">P1\n{TinyModels.Sequence(30)}\n>P2\n{TinyModels.Sequence(25, 3)}\n");
    }
}
