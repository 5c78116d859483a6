using LocSharp.Profiles;

namespace LocSharp.Models;

/// <summary>
/// Everything a model file says besides its weights (stored as model.json inside the file). A file with more
/// than one member is an ensemble: its prediction is the mean of the members' probabilities.
/// </summary>
/// <param name="FormatVersion">Bumped whenever a reader of the previous version could misread the file.</param>
/// <param name="Locations">Location names in the order of the network outputs.</param>
/// <param name="Encoding">Residue encoding the networks were trained on (<see cref="Encoding.ResidueEncoder.Name"/>).</param>
/// <param name="InputFeatures">Features per residue (60, or 80 with a profile).</param>
/// <param name="MaxLength">Longer proteins are cut from the middle to this length.</param>
/// <param name="Members">The networks.</param>
public sealed record ModelMetadata(
    int FormatVersion,
    IReadOnlyList<string> Locations,
    string Encoding,
    int InputFeatures,
    int MaxLength,
    IReadOnlyList<ModelMember> Members)
{
    public const int CurrentFormatVersion = 1;
    public const string FormatName = "locsharp-model";

    /// <summary>Identifies the file type; any other value is not a LocSharp model.</summary>
    public string Format { get; init; } = FormatName;

    /// <summary>For a profile model, how its profiles must be made; null otherwise.</summary>
    public ProfileRecipe? Profiles { get; init; }

    /// <summary>The fitted temperature and what it was fitted on; null (older files too) = uncalibrated.</summary>
    public ModelCalibration? Calibration { get; init; }
}

/// <summary>One network of a model file.</summary>
/// <param name="Config">Architecture and sizes.</param>
/// <param name="Weights">Name of the file entry holding its tensors.</param>
/// <param name="Sha256">Hash of that entry, checked on load.</param>
/// <param name="Training">What data and settings trained it, if known.</param>
public sealed record ModelMember(ModelConfig Config, string Weights, string Sha256, TrainingSummary? Training);
