using LocSharp.Explain.Figures;

namespace LocSharp.Explain;

/// <summary>
/// The folder of per-protein track figures of an explanation (ID.svg/.png, <see cref="ExplainFiles.UniqueName"/>),
/// holding at most <see cref="Capacity"/> of them: the first proteins' (a proteome would give thousands). Each kind
/// of explanation has its own folder, so that two written into one output folder keep their figures apart.
/// </summary>
internal sealed class TrackFolder
{
    readonly string path;
    readonly HashSet<string> names = new(StringComparer.Ordinal);

    /// <summary>Creates <paramref name="directory"/>/<paramref name="name"/> when there is room for a track.</summary>
    public TrackFolder(string directory, string name, int capacity)
    {
        path = Path.Combine(directory, name);
        Capacity = Math.Max(capacity, 0);
        if (Capacity > 0) Directory.CreateDirectory(path);
    }

    public int Capacity { get; }

    public int Written { get; private set; }

    public bool IsFull => Written >= Capacity;

    /// <summary>Draws <paramref name="track"/>, named after its protein.</summary>
    /// <exception cref="InvalidOperationException">The folder holds <see cref="Capacity"/> tracks already.</exception>
    public void Write(AttentionTrack track)
    {
        if (IsFull) throw new InvalidOperationException($"The track folder holds its {Capacity} tracks already.");
        AttentionFigures.WriteTrack(Path.Combine(path, ExplainFiles.UniqueName(track.Id, names)), track);
        Written++;
    }

    /// <summary>A track of <paramref name="values"/> over the residues <paramref name="read"/> of
    /// <paramref name="protein"/>, with its true location, its whole length when it was cut, and its annotated signal.</summary>
    public static AttentionTrack Track(ExplainProtein protein, string read, float[] values, string predicted, float probability) =>
        new(protein.Id, read, values, predicted, Math.Clamp(probability, 0, 1))
        {
            TrueLocation = protein.Location,
            OriginalLength = protein.Sequence.Length > read.Length ? protein.Sequence.Length : null,
            Signals = protein.Signal is { } s ? [new SequenceSpan(s.Start, s.End, SignalAttentionMeasure.Name(s.Type))] : [],
        };
}
