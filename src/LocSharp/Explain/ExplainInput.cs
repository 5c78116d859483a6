using LocSharp.Data;
using LocSharp.Encoding;
using LocSharp.Sequences;

namespace LocSharp.Explain;

/// <summary>A protein to explain, with what is known about it.</summary>
/// <param name="Id">Accession (the FASTA header's first word).</param>
/// <param name="Sequence">The whole sequence, before any truncation.</param>
/// <param name="Location">True location, or null for unlabelled input.</param>
/// <param name="Signal">Annotated N-terminal sorting signal (MultiLoc headers), or null.</param>
public sealed record ExplainProtein(string Id, string Sequence, string? Location = null, SortingSignal? Signal = null)
{
    /// <summary>The 1-based position in the whole sequence of each residue a model of <paramref name="maxLength"/>
    /// reads (<see cref="Truncation"/>: a longer protein is cut from the middle).</summary>
    public int[] PositionsRead(int maxLength) =>
        [.. Enumerable.Range(0, Math.Min(Sequence.Length, maxLength)).Select(k => Truncation.OriginalPosition(k, Sequence.Length, maxLength) + 1)];
}

/// <summary>The proteins an explanation reads: labelled data or a plain FASTA.</summary>
/// <param name="Proteins">In reading order.</param>
/// <param name="IsLabelled">Whether every protein has its true <see cref="ExplainProtein.Location"/>.</param>
/// <param name="Locations">The locations of labelled data (sorted ordinally); empty for unlabelled input.</param>
/// <param name="Source">Where the proteins came from, for titles and messages.</param>
public sealed record ExplainInput(IReadOnlyList<ExplainProtein> Proteins, bool IsLabelled, IReadOnlyList<string> Locations, string Source)
{
    /// <summary>
    /// Reads <paramref name="source"/> as labelled data (<see cref="LabelledDataReader"/>: a folder of per-location
    /// FASTA files, or a FASTA whose header's second word is the location) when it is a folder, when
    /// <paramref name="labelled"/> is set, or when a split or partition is given; otherwise as a plain FASTA file
    /// (or a stream) whose proteins have no known location or signal.
    /// </summary>
    /// <param name="partition">Keep only this partition of the split.</param>
    /// <param name="maxProteins">Keep only the first this many proteins (after <paramref name="partition"/>).</param>
    /// <exception cref="FileNotFoundException">The input or split does not exist.</exception>
    /// <exception cref="FastaFormatException">A FASTA file is malformed.</exception>
    /// <exception cref="LabelledDataException">Labels, split or partition are wrong.</exception>
    public static ExplainInput Read(InputSource source, bool labelled = false, string? splitPath = null, string? partition = null, int? maxProteins = null)
    {
        if (maxProteins is < 1) throw new ArgumentOutOfRangeException(nameof(maxProteins), $"The number of proteins must be positive, not {maxProteins}.");
        int take = maxProteins ?? int.MaxValue;
        if (labelled || splitPath is not null || partition is not null || source.IsDirectory)
        {
            var data = LabelledDataReader.Read(source, splitPath);
            if (partition is not null) data = data.Select(partition);
            var proteins = data.Proteins.Take(take).Select(p => new ExplainProtein(p.Id, p.Sequence, p.Location, p.Signal)).ToList();
            return new ExplainInput(proteins, true, data.Locations, data.Source);
        }
        var records = FastaReader.Read(source).Take(take).Select(r => new ExplainProtein(r.Id, r.Sequence)).ToList();
        return new ExplainInput(records, false, [], source.Name);
    }

    public int Count => Proteins.Count;

    /// <summary>The locations of a figure's legend, in order: the model's, then the input's own; only those in
    /// <paramref name="present"/>.</summary>
    public IReadOnlyList<string> LegendOrder(IEnumerable<string> modelLocations, IEnumerable<string> present)
    {
        var shown = present.ToHashSet(StringComparer.Ordinal);
        return modelLocations.Concat(Locations).Where(shown.Contains).Distinct().ToList();
    }
}

/// <summary>How far an explanation has got: <paramref name="Done"/> of <paramref name="Total"/> items of a stage.</summary>
/// <param name="Stage">What is running, e.g. "attention" or "t-SNE".</param>
public readonly record struct ExplainProgress(string Stage, int Done, int Total);
