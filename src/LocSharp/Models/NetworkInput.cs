using LocSharp.Encoding;
using LocSharp.Profiles;

namespace LocSharp.Models;

/// <summary>
/// What a model's networks read of a protein: the sequence cut from the middle to the model's maximum length and,
/// for a profile model, the protein's profile cut the same way. The one place of the rule that a profile model
/// needs profiles.
/// </summary>
public static class NetworkInput
{
    /// <exception cref="ArgumentException">A profile model was given no profiles.</exception>
    public static void RequireProfiles(TrainedModel model, bool given, string parameter)
    {
        if (model.NeedsProfiles && !given)
            throw new ArgumentException("The model reads evolutionary profiles; give the proteins' profiles.", parameter);
    }

    /// <summary>The residues the networks read.</summary>
    public static string Sequence(TrainedModel model, string sequence) => Truncation.Truncate(sequence, model.MaxLength);

    /// <summary>The profile rows the networks read; null for a model without profiles.</summary>
    /// <exception cref="ProfileFormatException">The set lacks the protein, or its profile disagrees with the sequence.</exception>
    public static Profile? Profile(TrainedModel model, ProfileSet? profiles, string id, string sequence) =>
        model.NeedsProfiles ? profiles!.For(id, sequence).Truncate(model.MaxLength) : null;
}
