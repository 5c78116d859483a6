using LocSharp.Profiles;

namespace LocSharp.Data;

/// <summary>Proteins with their location as an index into <see cref="Locations"/>: what training and evaluation read.</summary>
/// <param name="Membrane">Per protein: membrane-bound, soluble or unknown (null); null when the data has no flags.</param>
/// <param name="Profiles">Per protein its profile, for 80-feature models; null without profiles.</param>
public sealed record LabelledSequences(
    IReadOnlyList<string> Ids,
    IReadOnlyList<string> Sequences,
    IReadOnlyList<int> Labels,
    IReadOnlyList<string> Locations,
    IReadOnlyList<bool?>? Membrane = null,
    IReadOnlyList<Profile>? Profiles = null)
{
    public int Count => Ids.Count;

    /// <summary>Whether any protein is flagged membrane-bound or soluble.</summary>
    public bool HasMembraneFlags => Membrane?.Any(m => m.HasValue) == true;

    /// <summary>The proteins of a labelled data set, labelled by their index in the set's location list, with their
    /// profiles from <paramref name="profiles"/> when given.</summary>
    /// <exception cref="ProfileFormatException">A protein has no profile, or one that does not fit its sequence.</exception>
    public static LabelledSequences From(LabelledDataSet data, ProfileSet? profiles = null) => new(
        data.Proteins.Select(p => p.Id).ToList(),
        data.Proteins.Select(p => p.Sequence).ToList(),
        data.Proteins.Select(p => data.LocationIndex(p.Location)).ToList(),
        data.Locations,
        data.Proteins.Any(p => p.Membrane.HasValue) ? data.Proteins.Select(p => p.Membrane).ToList() : null,
        profiles == null ? null : data.Proteins.Select(p => profiles.For(p.Id, p.Sequence)).ToList());

    /// <summary>A short hash of ids, sequences and labels, so a resumed run can check it reads the same data.</summary>
    public string Fingerprint()
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        void Add(string s) => hash.AppendData(System.Text.Encoding.UTF8.GetBytes(s + "\n"));
        foreach (string location in Locations) Add(location);
        for (int i = 0; i < Count; i++)
        {
            Add(Ids[i]); Add(Sequences[i]); Add(Labels[i].ToString());
            if (Membrane != null) Add(Membrane[i]?.ToString() ?? "?");
            if (Profiles != null) hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Profiles[i].Scores.AsSpan()));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
