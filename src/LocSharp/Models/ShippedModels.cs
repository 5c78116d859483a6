namespace LocSharp.Models;

/// <summary>The trained models that ship with LocSharp, copied beside the program at build time.</summary>
public static class ShippedModels
{
    /// <summary>File name of the model `predict` uses without -m (see models/README.md for how it was made).</summary>
    public const string DefaultFileName = "deeploc.lsm";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "models");

    public static string DefaultPath => Path.Combine(Folder, DefaultFileName);
}
