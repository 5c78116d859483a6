using LocSharp.Explain.Figures;

namespace LocSharp.Explain;

/// <summary>What <see cref="AttentionReport.Write"/> wrote.</summary>
/// <param name="Positions">Rows of the attention table: residues read, summed over the proteins.</param>
/// <param name="Tracks">Track figures drawn.</param>
/// <param name="Heatmap">The heatmap, drawn for labelled input only.</param>
/// <param name="Signals">Attention inside annotated sorting signals, per kind; empty when no protein has one.</param>
public sealed record AttentionReportResult(int Proteins, long Positions, int Tracks, FigureFiles? Heatmap,
    IReadOnlyList<SignalAttentionSummary> Signals);

/// <summary>
/// Writes an A-LSTM's attention (<see cref="AttentionExplanation.Compute"/>) as a table, a heatmap of all proteins
/// grouped by true location, a track figure per protein, and tables of the attention inside annotated sorting signals.
/// </summary>
public static class AttentionReport
{
    public const string TableFile = "attention.tsv";
    public const string HeatmapFile = "attention-heatmap";
    public const string TracksFolder = "tracks";
    public const string SignalFile = "signal-attention.tsv";
    public const string SignalProteinsFile = "signal-attention-proteins.tsv";

    /// <summary>
    /// Writes into <paramref name="directory"/> (created if needed):
    /// <list type="bullet">
    /// <item>attention.tsv: a first line "# model: NAME" names the model, then protein_id, position (1-based in the
    /// whole sequence, also for proteins cut from the middle),
    /// residue, weight; proteins in input order;</item>
    /// <item>labelled input: attention-heatmap.svg/.png, rows grouped by true location, middle-padded so termini align;</item>
    /// <item>tracks/ID.svg/.png for the first <see cref="AttentionExplanationOptions.MaxTracks"/> proteins;</item>
    /// <item>proteins with an annotated signal: signal-attention.tsv (per kind, see <see cref="SignalAttentionMeasure"/>)
    /// and signal-attention-proteins.tsv (per protein).</item>
    /// </list>
    /// The proteins are enumerated once and written as they come: attention.tsv is streamed while the network reads
    /// the next chunk, and only what the heatmap (labelled input) and the signal tables need is kept.
    /// </summary>
    /// <param name="options">Reads <see cref="AttentionExplanationOptions.MaxTracks"/> and the model's name.</param>
    /// <param name="progress">Told the track figures drawn, and when the heatmap is drawn.</param>
    public static AttentionReportResult Write(ExplainedProteins<ProteinAttention> attention, string directory,
        AttentionExplanationOptions? options = null, IProgress<ExplainProgress>? progress = null)
    {
        options ??= new AttentionExplanationOptions();
        if (options.MaxTracks < 0) throw new ArgumentOutOfRangeException(nameof(options), $"The number of track figures cannot be negative ({options.MaxTracks}).");
        var input = attention.Input;
        Directory.CreateDirectory(directory);
        var tracks = new TrackFolder(directory, TracksFolder, Math.Min(options.MaxTracks, input.Count));
        var rows = input.IsLabelled ? new List<AttentionRow>(input.Count) : null;
        var signals = new List<(ExplainProtein Protein, SignalAttention Measure)>();
        long positions = 0;

        ExplainFiles.WriteTable(Path.Combine(directory, TableFile), table =>
        {
            ExplainFiles.WriteModelLine(table, options.ModelName);
            table.WriteLine("protein_id\tposition\tresidue\tweight");
            foreach (var protein in attention.Proteins)
            {
                string id = protein.Protein.Id;
                for (int k = 0; k < protein.Weights.Length; k++)
                    table.WriteLine($"{id}\t{protein.Positions[k]}\t{protein.ReadSequence[k]}\t{ExplainFiles.Number(protein.Weights[k])}");
                positions += protein.Weights.Length;
                rows?.Add(new AttentionRow(id, protein.Protein.Location!, protein.Weights));
                if (protein.Signal is { } measure) signals.Add((protein.Protein, measure));
                if (tracks.IsFull) continue;
                tracks.Write(TrackFolder.Track(protein.Protein, protein.ReadSequence, protein.Weights, protein.PredictedLocation, protein.Probability)
                    with { ModelName = options.ModelName });
                progress?.Report(new ExplainProgress("track figures", tracks.Written, tracks.Capacity));
            }
        });

        FigureFiles? heatmap = null;
        if (rows is not null)
        {
            progress?.Report(new ExplainProgress("heatmap", 0, 1));
            heatmap = AttentionFigures.WriteHeatmap(Path.Combine(directory, HeatmapFile), rows, new HeatmapOptions
            {
                Title = $"Attention of {options.ModelName} over {rows.Count} proteins",
                LocationOrder = input.LegendOrder(attention.ModelLocations, rows.Select(r => r.Location)),
            });
            progress?.Report(new ExplainProgress("heatmap", 1, 1));
        }

        var summaries = SignalAttentionMeasure.Summarize(signals.Select(s => s.Measure));
        if (signals.Count > 0)
        {
            SignalSummaryTable.Write(Path.Combine(directory, SignalFile), "mean_attention_inside", summaries);
            WriteSignalProteins(Path.Combine(directory, SignalProteinsFile), signals);
        }
        return new AttentionReportResult(input.Count, positions, tracks.Written, heatmap, summaries);
    }

    static void WriteSignalProteins(string path, List<(ExplainProtein Protein, SignalAttention Measure)> signals)
    {
        static string N(double v) => ExplainFiles.Number(v);
        ExplainFiles.WriteTable(path, table =>
        {
            table.WriteLine("protein_id\tlocation\tsignal_type\tsignal_start\tsignal_end\tsignal_residues_read\tresidues_read\tattention_inside\tuniform_expectation\tenrichment");
            foreach (var (protein, m) in signals)
                table.WriteLine($"{protein.Id}\t{protein.Location}\t{SignalAttentionMeasure.Code(m.Type)}\t{protein.Signal!.Start}\t{protein.Signal.End}\t{m.SignalResidues}\t{m.LengthUsed}\t{N(m.Mass)}\t{N(m.Expected)}\t{N(m.Enrichment)}");
        });
    }
}
