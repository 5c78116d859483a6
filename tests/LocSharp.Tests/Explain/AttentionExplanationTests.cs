using System.Globalization;
using LocSharp.Data;
using LocSharp.Explain;
using LocSharp.Models;

namespace LocSharp.Tests.Explain;

[Collection(TorchCollection.Name)]
public sealed class AttentionExplanationTests : IDisposable
{
    readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    AttentionReportResult Explain(TrainedModel model, ExplainInput input, AttentionExplanationOptions? options = null) =>
        AttentionReport.Write(AttentionExplanation.Compute(model, input, options), directory.Root, options);

    /// <summary>A table's rows, without its "# model:" line (attention.tsv) and its header.</summary>
    static List<string[]> Rows(string path) => File.ReadLines(path).Where(l => !l.StartsWith('#')).Skip(1).Select(line => line.Split('\t')).ToList();

    [Fact]
    public void Table_OfATruncatedProtein_GivesPositionsAndResiduesOfTheWholeSequence()
    {
        // Maximum length 10: a 16-residue protein is read as residues 1..5 and 12..16.
        const string whole = "ACDEFGHIKLMNPQRS";
        using var model = TinyModels.Create(Architecture.ALstm, maxLength: 10);
        var input = new ExplainInput([new ExplainProtein("LONG", whole), new ExplainProtein("SHORT", "MKV")], false, [], "test");

        var result = Explain(model, input, new AttentionExplanationOptions { MaxTracks = 1 });

        var rows = Rows(directory.Path(AttentionReport.TableFile));
        var longRows = rows.Where(r => r[0] == "LONG").ToList();
        Assert.Equal([1, 2, 3, 4, 5, 12, 13, 14, 15, 16], longRows.Select(r => int.Parse(r[1], CultureInfo.InvariantCulture)));
        Assert.All(longRows, r => Assert.Equal(whole[int.Parse(r[1], CultureInfo.InvariantCulture) - 1].ToString(), r[2]));
        Assert.Equal(1.0, longRows.Sum(r => double.Parse(r[3], CultureInfo.InvariantCulture)), 4);
        Assert.Equal(["SHORT\t1\tM", "SHORT\t2\tK", "SHORT\t3\tV"], rows.Where(r => r[0] == "SHORT").Select(r => string.Join('\t', r[..3])));
        Assert.Equal(13, result.Positions);

        // Unlabelled: no heatmap or signal table; one track figure, of the first (truncated) protein.
        Assert.Null(result.Heatmap);
        Assert.Equal(1, result.Tracks);
        Assert.True(File.Exists(directory.Path(AttentionReport.TracksFolder, "LONG.svg")));
        Assert.False(File.Exists(directory.Path(AttentionReport.TracksFolder, "SHORT.svg")));
        Assert.False(File.Exists(directory.Path(AttentionReport.SignalFile)));
    }

    [Fact]
    public void Compute_GivesEachProteinsAttentionInMemory_AsTheProteinsAreEnumerated()
    {
        // Maximum length 10: a 16-residue protein is read as residues 1..5 and 12..16.
        using var model = TinyModels.Create(Architecture.ALstm, maxLength: 10);
        var input = new ExplainInput([new ExplainProtein("LONG", "ACDEFGHIKLMNPQRS"), new ExplainProtein("SHORT", "MKV")], false, [], "test");
        var progress = new ProgressLog();

        var attention = AttentionExplanation.Compute(model, input, progress: progress);
        Assert.Empty(progress.Reports); // the network runs only when the proteins are enumerated
        var proteins = attention.Proteins.ToList();

        Assert.NotEmpty(progress.Reports);
        Assert.Equal(["LONG", "SHORT"], proteins.Select(p => p.Protein.Id));
        Assert.Equal("ACDEFNPQRS", proteins[0].ReadSequence);
        Assert.Equal([1, 2, 3, 4, 5, 12, 13, 14, 15, 16], proteins[0].Positions);
        Assert.Equal([1, 2, 3], proteins[1].Positions);
        Assert.All(proteins, p => Assert.Equal(1.0, p.Weights.Sum(), 4));
        Assert.All(proteins, p => Assert.Contains(p.PredictedLocation, model.Locations));
        Assert.Empty(Directory.GetFileSystemEntries(directory.Root));
    }

    [Fact]
    public void Proteins_KeepInputOrder_WhateverTheirLengths()
    {
        using var model = TinyModels.Create(Architecture.ALstm);
        string[] ids = ["short", "long", "mid", "tiny"];
        int[] lengths = [5, 40, 20, 2];
        var input = new ExplainInput(ids.Zip(lengths, (id, n) => new ExplainProtein(id, TinyModels.Sequence(n))).ToList(), false, [], "test");

        Explain(model, input, new AttentionExplanationOptions { MaxTracks = 0, BatchSize = 2 });

        var order = Rows(directory.Path(AttentionReport.TableFile)).Select(r => r[0]).Distinct();
        Assert.Equal(ids, order);
    }

    [Fact]
    public void SignalTables_AreWrittenForProteinsWithAnnotatedSignals()
    {
        using var model = TinyModels.Create(Architecture.ALstm, maxLength: 20);
        var input = new ExplainInput(
        [
            new ExplainProtein("S1", TinyModels.Sequence(30), "ER", new SortingSignal(SignalType.SignalPeptide, 1, 4)),
            new ExplainProtein("S2", TinyModels.Sequence(12, 3), "ER", new SortingSignal(SignalType.SignalPeptide, 1, 6)),
            new ExplainProtein("N1", TinyModels.Sequence(15, 5), "nuclear"),
        ], true, ["ER", "nuclear"], "test");

        var result = Explain(model, input, new AttentionExplanationOptions { MaxTracks = 0 });

        var summary = Assert.Single(result.Signals);
        Assert.Equal(2, summary.Count);
        // Untrained, near-uniform attention: about as much inside as a uniform spread, (4/20 + 6/12) / 2 expected.
        Assert.Equal((4.0 / 20 + 6.0 / 12) / 2, summary.MeanExpected, 12);
        Assert.Equal(["SP", "2"], Rows(directory.Path(AttentionReport.SignalFile)).Single()[..2]);
        Assert.Equal(["S1", "S2"], Rows(directory.Path(AttentionReport.SignalProteinsFile)).Select(r => r[0]));
        Assert.NotNull(result.Heatmap);
    }

    [Fact]
    public void Ensemble_IsRejected()
    {
        using var model = TinyModels.Create(Architecture.ALstm, networks: 2);
        var input = new ExplainInput([new ExplainProtein("P", "MKV")], false, [], "test");
        var error = Assert.Throws<ExplainException>(() => Explain(model, input));
        Assert.Contains("ensemble of 2 networks", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(directory.Root));
    }

    [Fact]
    public void An_ensemble_with_one_a_lstm_is_explained_by_that_a_lstm_and_says_so()
    {
        // The default model's shape: an R-LSTM and an A-LSTM averaged.
        using var rlstm = TinyModels.Create(Architecture.RLstm);
        using var alstm = TinyModels.Create(Architecture.ALstm);
        var ensemble = TrainedModel.Ensemble([rlstm, alstm]); // shares the networks: disposed through its members
        var input = new ExplainInput([new ExplainProtein("P1", TinyModels.Sequence(30)), new ExplainProtein("P2", TinyModels.Sequence(12, 2))], false, [], "test");

        var fromEnsemble = AttentionExplanation.Compute(ensemble, input).Proteins.ToList();
        var fromAlone = AttentionExplanation.Compute(alstm, input).Proteins.ToList();

        Assert.Equal(1, AttentionExplanation.Member(ensemble));
        Assert.Equal(fromAlone.Select(p => p.Weights), fromEnsemble.Select(p => p.Weights));
        Assert.Equal(fromAlone.Select(p => p.Probability), fromEnsemble.Select(p => p.Probability)); // the A-LSTM's own call
        Assert.Equal("m.lsm's A-LSTM (network 2 of 2)", AttentionExplanation.ExplainedName(ensemble, "m.lsm"));
        Assert.Equal("m.lsm", AttentionExplanation.ExplainedName(alstm, "m.lsm"));
        Assert.Null(AttentionExplanation.Member(rlstm));
    }
}
