using LocSharp.Explain;
using LocSharp.Models;

namespace LocSharp.Web;

/// <summary>A model the server offers, loaded once and shared by every request.</summary>
/// <param name="Name">The file name without extension, as the page and the API name it.</param>
public sealed record ServedModel(string Name, string Path, TrainedModel Model)
{
    /// <summary>The network kind of each member, e.g. "ALstm", for the page.</summary>
    public IReadOnlyList<string> Architectures => Model.Networks.Select(n => n.Config.Architecture.ToString()).ToList();

    /// <summary>Whether per-residue attention can be shown: an A-LSTM, alone or the one of an ensemble (<see cref="AttentionExplanation.Member"/>), that reads no profiles.</summary>
    public bool HasAttention => AttentionExplanation.Member(Model) is not null && !Model.NeedsProfiles;
}

/// <summary>The models the server offers, by name; the first is the default.</summary>
public sealed class ModelCatalog : IDisposable
{
    readonly List<ServedModel> models = [];

    /// <exception cref="ModelFileException">A file is not a usable model.</exception>
    /// <exception cref="ArgumentException">No models, or two with the same name.</exception>
    public ModelCatalog(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0) throw new ArgumentException("Give at least one model.", nameof(paths));
        try
        {
            foreach (string path in paths)
            {
                string name = System.IO.Path.GetFileNameWithoutExtension(path);
                if (models.Any(m => m.Name == name))
                    throw new ArgumentException($"Two models are named {name} ({models.First(m => m.Name == name).Path} and {path}); rename one file.");
                models.Add(new ServedModel(name, path, ModelFile.Load(path)));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public IReadOnlyList<ServedModel> Models => models;

    public ServedModel Default => models[0];

    /// <summary>The model named <paramref name="name"/>, or the default when null or empty.</summary>
    /// <exception cref="RequestException">No model has that name (400, listing the names).</exception>
    public ServedModel Get(string? name) => string.IsNullOrEmpty(name)
        ? Default
        : models.FirstOrDefault(m => m.Name == name)
          ?? throw RequestException.BadRequest($"no model named '{name}'; the models are {string.Join(", ", models.Select(m => m.Name))}.");

    public void Dispose()
    {
        foreach (var model in models) model.Model.Dispose();
    }
}
