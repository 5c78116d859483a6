namespace LocSharp.Explain;

/// <summary>What <see cref="ResidueReport.Write"/> wrote.</summary>
/// <param name="Positions">Rows of the residue table.</param>
/// <param name="Tracks">Track figures drawn.</param>
/// <param name="LargestGap">The largest |Σ attributions − (f(input) − f(baseline))| over the proteins.</param>
/// <param name="Signals">Attribution inside annotated sorting signals, per kind; empty when no protein has one.</param>
public sealed record ResidueReportResult(int Proteins, long Positions, int Tracks, double LargestGap, IReadOnlyList<SignalAttentionSummary> Signals);

/// <summary>
/// Writes per-residue attributions (<see cref="ResidueExplanation.Compute"/>) as tables, a track figure per protein,
/// and a table of the share of the attribution inside annotated sorting signals.
/// </summary>
public static class ResidueReport
{
    public const string TableFile = "residues.tsv";
    public const string ProteinsFile = "residue-proteins.tsv";
    public const string TracksFolder = "residue-tracks";
    public const string SignalFile = "signal-attribution.tsv";

    /// <summary>
    /// Writes into <paramref name="directory"/> (created if needed):
    /// <list type="bullet">
    /// <item>residues.tsv: protein_id, position (1-based in the whole sequence), residue, attribution, location (the
    /// explained one); a first line "# model: NAME" names the model;</item>
    /// <item>residue-proteins.tsv: per protein the explained and predicted location, the probability at the input and
    /// at the baseline, the sum of the attributions, the completeness gap and the points the path was integrated with;</item>
    /// <item>residue-tracks/ID.svg/.png for the first <see cref="ResidueExplanationOptions.MaxTracks"/> proteins;</item>
    /// <item>proteins with an annotated signal: signal-attribution.tsv, per kind (<see cref="ProteinAttribution.Signal"/>).</item>
    /// </list>
    /// The proteins are enumerated once and written as they come: residues.tsv is streamed as the attributions are
    /// computed, and only a row per protein (residue-proteins.tsv) and the signal measures are kept.
    /// </summary>
    /// <param name="options">Reads <see cref="ResidueExplanationOptions.MaxTracks"/> and the model's name.</param>
    public static ResidueReportResult Write(ExplainedProteins<ProteinAttribution> attributions, string directory, ResidueExplanationOptions? options = null)
    {
        options ??= new ResidueExplanationOptions();
        var input = attributions.Input;
        Directory.CreateDirectory(directory);
        var tracks = new TrackFolder(directory, TracksFolder, Math.Min(options.MaxTracks, input.Count));
        var signals = new List<SignalAttention>();
        var proteinRows = new List<string>();
        long positions = 0;
        double largestGap = 0;
        static string N(double v) => ExplainFiles.Number(v);

        ExplainFiles.WriteTable(Path.Combine(directory, TableFile), table =>
        {
            ExplainFiles.WriteModelLine(table, options.ModelName);
            table.WriteLine("protein_id\tposition\tresidue\tattribution\tlocation");
            foreach (var protein in attributions.Proteins)
            {
                string id = protein.Protein.Id, explained = protein.ExplainedLocation;
                var result = protein.Attribution;
                for (int k = 0; k < protein.ReadSequence.Length; k++)
                    table.WriteLine($"{id}\t{protein.Positions[k]}\t{protein.ReadSequence[k]}\t{N(result.Residues[k])}\t{explained}");
                positions += protein.ReadSequence.Length;
                largestGap = Math.Max(largestGap, Math.Abs(result.Path.CompletenessGap));
                proteinRows.Add($"{id}\t{explained}\t{protein.PredictedLocation}\t{N(result.Path.AtInput)}\t{N(result.Path.AtBaseline)}\t{N(result.Residues.Sum())}\t{N(result.Path.CompletenessGap)}\t{result.Steps}");
                if (protein.Signal is { } measure) signals.Add(measure);
                if (tracks.IsFull) continue;
                tracks.Write(TrackFolder.Track(protein.Protein, protein.ReadSequence, [.. result.Residues.Select(a => (float)a)], protein.PredictedLocation, protein.Probability) with
                {
                    ModelName = options.ModelName,
                    ExplainedLocation = explained,
                    ValueLabel = $"Attribution to P({explained})",
                });
            }
        });
        ExplainFiles.WriteTable(Path.Combine(directory, ProteinsFile), table =>
        {
            table.WriteLine("protein_id\tlocation\tpredicted\tprobability\tbaseline_probability\tattribution_sum\tcompleteness_gap\tsteps");
            foreach (string row in proteinRows) table.WriteLine(row);
        });
        var summaries = SignalAttentionMeasure.Summarize(signals);
        if (summaries.Count > 0) SignalSummaryTable.Write(Path.Combine(directory, SignalFile), "mean_share_inside", summaries);
        return new ResidueReportResult(input.Count, positions, tracks.Written, largestGap, summaries);
    }
}
