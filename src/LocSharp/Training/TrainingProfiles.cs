using LocSharp.Profiles;

namespace LocSharp.Training;

/// <summary>The profiles a training run reads, and how they were made (recorded in the model; null when unknown).</summary>
public sealed record TrainingProfiles(ProfileSet Set, ProfileRecipe? Recipe);
