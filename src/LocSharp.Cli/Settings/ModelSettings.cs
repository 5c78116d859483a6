using System.ComponentModel;
using LocSharp.Models;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Settings;

/// <summary>The model a verb uses.</summary>
public class ModelSettings : NetworkSettings
{
    [CommandOption("-m|--model <MODEL>")]
    [Description("Model file. Default: the shipped model (" + ShippedModels.DefaultFileName + ").")]
    public string? Model { get; init; }

    public string ModelPath => Model ?? ShippedModels.DefaultPath;

    public TrainedModel LoadModel() => Model == null && !File.Exists(ShippedModels.DefaultPath)
        ? throw new ModelFileException(ShippedModels.DefaultPath, "the shipped model is missing from this build; pass a model with -m MODEL.")
        : ModelFile.Load(ModelPath);
}
