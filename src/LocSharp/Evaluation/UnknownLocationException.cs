using LocSharp.Data;

namespace LocSharp.Evaluation;

/// <summary>
/// Labelled data whose location is not one the model predicts, read without a mapping of the model's locations onto
/// the data's: a case of its own so that a front end can say how it takes such a mapping.
/// </summary>
/// <param name="source">The labelled data.</param>
/// <param name="location">The data's location the model does not know.</param>
/// <param name="modelLocations">The model's locations.</param>
public sealed class UnknownLocationException(string source, string location, IReadOnlyList<string> modelLocations)
    : InputException(source, null, null,
        $"location '{location}' is not one the model predicts ({string.Join(", ", modelLocations)}); evaluating on another location scheme needs a mapping of the model's locations onto it.")
{
    public string Location { get; } = location;
}
