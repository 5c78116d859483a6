namespace LocSharp.Data;

/// <summary>Proteins as read, with the file and line each came from; rejects an ID seen in another file.</summary>
internal sealed class ProteinCollector
{
    readonly Dictionary<string, int> _indexById = new(StringComparer.Ordinal);

    public List<LabelledProtein> Proteins { get; } = [];

    public List<(string File, int Line)> Origins { get; } = [];

    public void Add(LabelledProtein protein, string file, int line)
    {
        if (_indexById.TryGetValue(protein.Id, out int first))
        {
            var (firstFile, firstLine) = Origins[first];
            throw new LabelledDataException(file, line, protein.Id,
                $"duplicate protein ID '{protein.Id}', already read from {firstFile} line {firstLine} " +
                $"(location '{Proteins[first].Location}'); each protein may occur once: remove one of them.");
        }
        _indexById.Add(protein.Id, Proteins.Count);
        Proteins.Add(protein);
        Origins.Add((file, line));
    }

    /// <summary>Index of the protein with <paramref name="id"/>, or -1.</summary>
    public int IndexOf(string id) => _indexById.GetValueOrDefault(id, -1);
}
