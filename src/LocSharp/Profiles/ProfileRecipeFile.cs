using System.Text.Json;
using LocSharp.Models;

namespace LocSharp.Profiles;

/// <summary>
/// Reads and writes a <see cref="ProfileRecipe"/> as JSON (fields tool, settings, database, databaseSequences,
/// scaling). The profile step writes one beside its output as <c>PROFILES.recipe.json</c>, which training picks up.
/// </summary>
public static class ProfileRecipeFile
{
    /// <summary>Where the recipe of a profiles file sits: the profiles file's name plus ".recipe.json".</summary>
    public static string SidecarOf(string profilesPath) => profilesPath + ".recipe.json";

    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a recipe (the message names it).</exception>
    public static ProfileRecipe Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Profile recipe {path} does not exist.", path);
        try
        {
            return JsonSerializer.Deserialize<ProfileRecipe>(File.ReadAllText(path), ModelFile.Json)
                ?? throw new InvalidDataException($"{path}: the file is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a profile recipe ({e.Message}).", e);
        }
    }

    public static void Write(ProfileRecipe recipe, string path) =>
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, recipe, ModelFile.Json));
}
