namespace LocSharp.Data;

/// <summary>Proteins with their location as an index into <see cref="Locations"/>: what training and evaluation read.</summary>
public sealed record LabelledSequences(
    IReadOnlyList<string> Ids,
    IReadOnlyList<string> Sequences,
    IReadOnlyList<int> Labels,
    IReadOnlyList<string> Locations)
{
    public int Count => Ids.Count;

    /// <summary>The proteins of a labelled data set, labelled by their index in the set's location list.</summary>
    public static LabelledSequences From(LabelledDataSet data) => new(
        data.Proteins.Select(p => p.Id).ToList(),
        data.Proteins.Select(p => p.Sequence).ToList(),
        data.Proteins.Select(p => data.LocationIndex(p.Location)).ToList(),
        data.Locations);

    /// <summary>A short hash of ids, sequences and labels, so a resumed run can check it reads the same data.</summary>
    public string Fingerprint()
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        void Add(string s) => hash.AppendData(System.Text.Encoding.UTF8.GetBytes(s + "\n"));
        foreach (string location in Locations) Add(location);
        for (int i = 0; i < Count; i++) { Add(Ids[i]); Add(Sequences[i]); Add(Labels[i].ToString()); }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
