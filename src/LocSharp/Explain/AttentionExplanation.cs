using LocSharp.Explain.Figures;
using LocSharp.Models;

namespace LocSharp.Explain;

/// <summary>Settings of <see cref="AttentionExplanation.Write"/>.</summary>
public sealed record AttentionExplanationOptions
{
    /// <summary>Track figures to draw, for the first proteins in input order (a proteome would give thousands).</summary>
    public int MaxTracks { get; init; } = 50;

    /// <summary>Proteins per network batch.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Names the model in figure titles.</summary>
    public string ModelName { get; init; } = "the model";
}

/// <summary>What <see cref="AttentionExplanation.Write"/> wrote.</summary>
/// <param name="Positions">Rows of the attention table: residues read, summed over the proteins.</param>
/// <param name="Tracks">Track figures drawn.</param>
/// <param name="Heatmap">The heatmap, drawn for labelled input only.</param>
/// <param name="Signals">Attention inside annotated sorting signals, per kind; empty when no protein has one.</param>
public sealed record AttentionExplanationResult(int Proteins, long Positions, int Tracks, FigureFiles? Heatmap,
    IReadOnlyList<SignalAttentionSummary> Signals);

/// <summary>
/// Where an A-LSTM looks (Sønderby et al. 2015, Fig. 6): its attention weight at every residue, as a table, a heatmap
/// of all proteins grouped by true location, a track figure per protein, and how much attention falls inside
/// annotated sorting signals.
/// </summary>
public static class AttentionExplanation
{
    public const string TableFile = "attention.tsv";
    public const string HeatmapFile = "attention-heatmap";
    public const string TracksFolder = "tracks";
    public const string SignalFile = "signal-attention.tsv";
    public const string SignalProteinsFile = "signal-attention-proteins.tsv";

    /// <summary>
    /// Writes into <paramref name="directory"/> (created if needed):
    /// <list type="bullet">
    /// <item>attention.tsv: protein_id, position (1-based in the whole sequence, also for proteins cut from the middle),
    /// residue, weight; proteins in input order, streamed as the network reads them;</item>
    /// <item>labelled input: attention-heatmap.svg/.png, rows grouped by true location, middle-padded so termini align;</item>
    /// <item>tracks/ID.svg/.png for the first <see cref="AttentionExplanationOptions.MaxTracks"/> proteins;</item>
    /// <item>proteins with an annotated signal: signal-attention.tsv (per kind, see <see cref="SignalAttentionMeasure"/>)
    /// and signal-attention-proteins.tsv (per protein).</item>
    /// </list>
    /// </summary>
    /// <exception cref="ExplainException">The model is not one A-LSTM network, or there are no proteins.</exception>
    public static AttentionExplanationResult Write(TrainedModel model, ExplainInput input, string directory,
        AttentionExplanationOptions? options = null, IProgress<ExplainProgress>? progress = null)
    {
        options ??= new AttentionExplanationOptions();
        var network = NetworkReader.SingleNetwork(model, "attention");
        if (network.Config.Architecture != Architecture.ALstm)
            throw new ExplainException(
                $"{options.ModelName} is an R-LSTM, which has no attention weights; attention needs an A-LSTM model (train one with --arch alstm). An R-LSTM's representations and filters can be explained (explain embedding, explain filters).");
        if (input.Count == 0) throw new ExplainException($"{input.Source} holds no proteins to explain.");
        if (options.MaxTracks < 0) throw new ArgumentOutOfRangeException(nameof(options), $"The number of track figures cannot be negative ({options.MaxTracks}).");

        Directory.CreateDirectory(directory);
        int trackCount = Math.Min(options.MaxTracks, input.Count);
        if (trackCount > 0) Directory.CreateDirectory(Path.Combine(directory, TracksFolder));
        var rows = input.IsLabelled ? new List<AttentionRow>(input.Count) : null;
        var signals = new List<(ExplainProtein Protein, SignalAttention Measure)>();
        var trackNames = new HashSet<string>(StringComparer.Ordinal);
        long positions = 0;
        int tracks = 0;

        ExplainFiles.WriteTable(Path.Combine(directory, TableFile), table =>
        {
            table.WriteLine("protein_id\tposition\tresidue\tweight");
            foreach (var reading in NetworkReader.Read(model, input.Proteins, options.BatchSize, progress))
            {
                var protein = reading.Protein;
                float[] weights = reading.Attention!;
                for (int k = 0; k < weights.Length; k++)
                    table.WriteLine($"{protein.Id}\t{reading.OriginalPosition(k, model.MaxLength)}\t{reading.ReadSequence[k]}\t{ExplainFiles.Number(weights[k])}");
                positions += weights.Length;
                rows?.Add(new AttentionRow(protein.Id, protein.Location!, weights));
                if (protein.Signal is { } signal && SignalAttentionMeasure.Measure(weights, protein.Sequence.Length, model.MaxLength, signal) is { } measure)
                    signals.Add((protein, measure));
                if (tracks < trackCount)
                {
                    string name = ExplainFiles.UniqueName(protein.Id, trackNames);
                    AttentionFigures.WriteTrack(Path.Combine(directory, TracksFolder, name), Track(reading, model) with { ModelName = options.ModelName });
                    tracks++;
                    progress?.Report(new ExplainProgress("track figures", tracks, trackCount));
                }
            }
        });

        FigureFiles? heatmap = null;
        if (rows is not null)
        {
            progress?.Report(new ExplainProgress("heatmap", 0, 1));
            var present = rows.Select(r => r.Location).ToHashSet(StringComparer.Ordinal);
            heatmap = AttentionFigures.WriteHeatmap(Path.Combine(directory, HeatmapFile), rows, new HeatmapOptions
            {
                Title = $"Attention of {options.ModelName} over {rows.Count} proteins",
                LocationOrder = model.Locations.Concat(input.Locations).Where(present.Contains).Distinct().ToList(),
            });
            progress?.Report(new ExplainProgress("heatmap", 1, 1));
        }

        var summaries = SignalAttentionMeasure.Summarize(signals.Select(s => s.Measure));
        if (signals.Count > 0) WriteSignalTables(directory, signals, summaries);
        return new AttentionExplanationResult(input.Count, positions, tracks, heatmap, summaries);
    }

    static AttentionTrack Track(NetworkReading reading, TrainedModel model)
    {
        var protein = reading.Protein;
        int predicted = reading.Predicted;
        return new AttentionTrack(protein.Id, reading.ReadSequence, reading.Attention!, model.Locations[predicted], Math.Clamp(reading.Probabilities[predicted], 0, 1))
        {
            TrueLocation = protein.Location,
            OriginalLength = protein.Sequence.Length > reading.ReadSequence.Length ? protein.Sequence.Length : null,
            Signals = protein.Signal is { } s ? [new SequenceSpan(s.Start, s.End, SignalAttentionMeasure.Name(s.Type))] : [],
        };
    }

    static void WriteSignalTables(string directory, List<(ExplainProtein Protein, SignalAttention Measure)> signals,
        IReadOnlyList<SignalAttentionSummary> summaries)
    {
        static string N(double v) => ExplainFiles.Number(v);
        ExplainFiles.WriteTable(Path.Combine(directory, SignalFile), table =>
        {
            table.WriteLine("signal_type\tn\tmean_attention_inside\tmean_uniform_expectation\tmean_enrichment\tmedian_enrichment");
            foreach (var s in summaries)
                table.WriteLine($"{SignalAttentionMeasure.Code(s.Type)}\t{s.Count}\t{N(s.MeanMass)}\t{N(s.MeanExpected)}\t{N(s.MeanEnrichment)}\t{N(s.MedianEnrichment)}");
        });
        ExplainFiles.WriteTable(Path.Combine(directory, SignalProteinsFile), table =>
        {
            table.WriteLine("protein_id\tlocation\tsignal_type\tsignal_start\tsignal_end\tsignal_residues_read\tresidues_read\tattention_inside\tuniform_expectation\tenrichment");
            foreach (var (protein, m) in signals)
                table.WriteLine($"{protein.Id}\t{protein.Location}\t{SignalAttentionMeasure.Code(m.Type)}\t{protein.Signal!.Start}\t{protein.Signal.End}\t{m.SignalResidues}\t{m.LengthUsed}\t{N(m.Mass)}\t{N(m.Expected)}\t{N(m.Enrichment)}");
        });
    }
}
