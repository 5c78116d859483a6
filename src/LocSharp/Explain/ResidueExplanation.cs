using LocSharp.Encoding;
using LocSharp.Explain.Figures;
using LocSharp.Models;
using LocSharp.Profiles;

namespace LocSharp.Explain;

/// <summary>Settings of <see cref="ResidueExplanation.Write"/>.</summary>
public sealed record ResidueExplanationOptions
{
    /// <summary>Track figures to draw, for the first proteins in input order.</summary>
    public int MaxTracks { get; init; } = 50;

    /// <summary>Points on the integration path.</summary>
    public int Steps { get; init; } = ResidueAttribution.DefaultSteps;

    /// <summary>The location to explain for every protein; null = each protein's predicted location.</summary>
    public string? Location { get; init; }

    /// <summary>Names the model in figure titles and the tables.</summary>
    public string ModelName { get; init; } = "the model";

    /// <summary>The proteins' profiles, for a profile model.</summary>
    public ProfileSet? Profiles { get; init; }
}

/// <summary>What <see cref="ResidueExplanation.Write"/> wrote.</summary>
/// <param name="Positions">Rows of the residue table.</param>
/// <param name="Tracks">Track figures drawn.</param>
/// <param name="LargestGap">The largest |Σ attributions − (f(input) − f(baseline))| over the proteins.</param>
/// <param name="Signals">Attribution inside annotated sorting signals, per kind; empty when no protein has one.</param>
public sealed record ResidueExplanationResult(int Proteins, long Positions, int Tracks, double LargestGap, IReadOnlyList<SignalAttentionSummary> Signals);

/// <summary>
/// Per-residue evidence from the model that makes the call (<see cref="ResidueAttribution"/>: integrated gradients
/// of its probability of a location), as tables, a track figure per protein, and the share of the attribution
/// inside annotated sorting signals.
/// </summary>
public static class ResidueExplanation
{
    public const string TableFile = "residues.tsv";
    public const string ProteinsFile = "residue-proteins.tsv";
    public const string TracksFolder = "tracks";
    public const string SignalFile = "signal-attribution.tsv";

    /// <summary>
    /// Writes into <paramref name="directory"/> (created if needed):
    /// <list type="bullet">
    /// <item>residues.tsv: protein_id, position (1-based in the whole sequence), residue, attribution, location (the
    /// explained one); a first line "# model: NAME" names the model;</item>
    /// <item>residue-proteins.tsv: per protein the explained and predicted location, the probability at the input and
    /// at the baseline, the sum of the attributions and the completeness gap;</item>
    /// <item>tracks/ID.svg/.png for the first <see cref="ResidueExplanationOptions.MaxTracks"/> proteins;</item>
    /// <item>proteins with an annotated signal: signal-attribution.tsv, the measure of <see cref="SignalAttentionMeasure"/>
    /// applied to |attribution| / Σ|attribution|, i.e. the share of the absolute attribution inside the signal
    /// against the share a uniform spread would put there.</item>
    /// </list>
    /// </summary>
    /// <exception cref="ExplainException">No proteins, or an unknown location.</exception>
    public static ResidueExplanationResult Write(TrainedModel model, ExplainInput input, string directory,
        ResidueExplanationOptions? options = null, IProgress<ExplainProgress>? progress = null)
    {
        options ??= new ResidueExplanationOptions();
        if (input.Count == 0) throw new ExplainException($"{input.Source} holds no proteins to explain.");
        int? location = null;
        if (options.Location is string name)
        {
            int index = model.Locations.ToList().IndexOf(name);
            if (index < 0) throw new ExplainException($"'{name}' is not a location {options.ModelName} predicts ({string.Join(", ", model.Locations)}).");
            location = index;
        }
        if (model.NeedsProfiles && options.Profiles is null)
            throw new ArgumentException("The model reads evolutionary profiles; give the proteins' profiles.", nameof(options));

        Directory.CreateDirectory(directory);
        int trackCount = Math.Min(options.MaxTracks, input.Count);
        if (trackCount > 0) Directory.CreateDirectory(Path.Combine(directory, TracksFolder));
        var names = new HashSet<string>(StringComparer.Ordinal);
        var signals = new List<SignalAttention>();
        var proteinRows = new List<string>();
        long positions = 0;
        int tracks = 0, done = 0;
        double largestGap = 0;
        static string N(double v) => ExplainFiles.Number(v);

        ExplainFiles.WriteTable(Path.Combine(directory, TableFile), table =>
        {
            table.WriteLine($"# model: {options.ModelName}");
            table.WriteLine("protein_id\tposition\tresidue\tattribution\tlocation");
            foreach (var protein in input.Proteins)
            {
                string read = Truncation.Truncate(protein.Sequence, model.MaxLength);
                var profile = model.NeedsProfiles ? options.Profiles!.For(protein.Id, protein.Sequence).Truncate(model.MaxLength) : null;
                var result = ResidueAttribution.Explain(model, read, profile, location, options.Steps);
                string explained = model.Locations[result.Location];
                for (int k = 0; k < read.Length; k++)
                    table.WriteLine($"{protein.Id}\t{Truncation.OriginalPosition(k, protein.Sequence.Length, model.MaxLength) + 1}\t{read[k]}\t{N(result.Residues[k])}\t{explained}");
                positions += read.Length;
                largestGap = Math.Max(largestGap, Math.Abs(result.Path.CompletenessGap));
                int predicted = Array.IndexOf(result.Probabilities, result.Probabilities.Max());
                proteinRows.Add($"{protein.Id}\t{explained}\t{model.Locations[predicted]}\t{N(result.Path.AtInput)}\t{N(result.Path.AtBaseline)}\t{N(result.Residues.Sum())}\t{N(result.Path.CompletenessGap)}");

                if (protein.Signal is { } signal)
                {
                    double total = result.Residues.Sum(Math.Abs);
                    float[] share = [.. result.Residues.Select(a => total > 0 ? (float)(Math.Abs(a) / total) : 0f)];
                    if (SignalAttentionMeasure.Measure(share, protein.Sequence.Length, model.MaxLength, signal) is { } measure) signals.Add(measure);
                }
                if (tracks < trackCount)
                {
                    var track = new AttentionTrack(protein.Id, read, [.. result.Residues.Select(a => (float)a)], model.Locations[predicted],
                        Math.Clamp(result.Probabilities[predicted], 0, 1))
                    {
                        TrueLocation = protein.Location,
                        OriginalLength = protein.Sequence.Length > read.Length ? protein.Sequence.Length : null,
                        Signals = protein.Signal is { } s ? [new SequenceSpan(s.Start, s.End, SignalAttentionMeasure.Name(s.Type))] : [],
                        ModelName = options.ModelName,
                        ExplainedLocation = explained,
                        ValueLabel = $"Attribution to P({explained})",
                    };
                    AttentionFigures.WriteTrack(Path.Combine(directory, TracksFolder, ExplainFiles.UniqueName(protein.Id, names)), track);
                    tracks++;
                }
                progress?.Report(new ExplainProgress("integrated gradients", ++done, input.Count));
            }
        });
        ExplainFiles.WriteTable(Path.Combine(directory, ProteinsFile), table =>
        {
            table.WriteLine("protein_id\tlocation\tpredicted\tprobability\tbaseline_probability\tattribution_sum\tcompleteness_gap");
            foreach (string row in proteinRows) table.WriteLine(row);
        });
        var summaries = SignalAttentionMeasure.Summarize(signals);
        if (summaries.Count > 0)
            ExplainFiles.WriteTable(Path.Combine(directory, SignalFile), table =>
            {
                table.WriteLine("signal_type\tn\tmean_share_inside\tmean_uniform_expectation\tmean_enrichment\tmedian_enrichment");
                foreach (var s in summaries)
                    table.WriteLine($"{SignalAttentionMeasure.Code(s.Type)}\t{s.Count}\t{N(s.MeanMass)}\t{N(s.MeanExpected)}\t{N(s.MeanEnrichment)}\t{N(s.MedianEnrichment)}");
            });
        return new ResidueExplanationResult(input.Count, positions, tracks, largestGap, summaries);
    }
}
