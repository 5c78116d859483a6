namespace LocSharp.Profiles;

/// <summary>Profiles by protein ID, read from one or more files; hands out a protein's profile after checking that
/// it fits the protein's sequence.</summary>
public sealed class ProfileSet
{
    readonly Dictionary<string, (Profile Profile, string File)> _profiles = new(StringComparer.Ordinal);
    readonly List<string> _sources = [];

    public int Count => _profiles.Count;

    public IEnumerable<string> Ids => _profiles.Keys;

    /// <summary>Adds a profile read from <paramref name="file"/>.</summary>
    /// <exception cref="ProfileFormatException">The protein already has a profile.</exception>
    public void Add(string id, Profile profile, string file)
    {
        if (!_profiles.TryAdd(id, (profile, file)))
            throw new ProfileFormatException(file, null, id,
                $"the protein already has a profile (from {_profiles[id].File}); give each protein one profile.");
    }

    /// <summary>The profile of protein <paramref name="id"/>, whose sequence is <paramref name="sequence"/>.</summary>
    /// <exception cref="ProfileFormatException">No profile, or one whose residues are not the sequence's.</exception>
    public Profile For(string id, string sequence)
    {
        if (!_profiles.TryGetValue(id, out var entry))
            throw new ProfileFormatException(Sources, null, id,
                "no profile for this protein; the model reads profiles, so every input protein needs one.");
        var (profile, file) = entry;
        if (profile.Length != sequence.Length)
            throw new ProfileFormatException(file, null, id,
                $"the profile has {profile.Length} residues, the sequence {sequence.Length}; the profile was made from another sequence.");
        for (int i = 0; i < sequence.Length; i++)
            if (!Matches(profile.Residues[i], char.ToUpperInvariant(sequence[i])))
                throw new ProfileFormatException(file, null, id,
                    $"residue {i + 1} is '{profile.Residues[i]}' in the profile but '{sequence[i]}' in the sequence; the profile was made from another sequence.");
        return profile;
    }

    /// <summary>Whether a profile's residue stands for the sequence's: the same code, or X for pyrrolysine (O), which
    /// PSI-BLAST writes as X.</summary>
    static bool Matches(char profile, char sequence) => profile == sequence || (profile == 'X' && sequence == 'O');

    /// <summary>Records a file the profiles come from, for messages.</summary>
    public void AddSource(string file) => _sources.Add(file);

    /// <summary>The files the profiles came from, for messages.</summary>
    public string Sources => _sources.Count == 0 ? "the profiles" : string.Join(", ", _sources);
}
