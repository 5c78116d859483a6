using System.ComponentModel;
using System.Text.Json;
using LocSharp.Data;
using LocSharp.Models;
using LocSharp.Training;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Settings;

/// <summary>
/// Training settings shared by `train` and `cv`. Every option overrides the same field of --config, which
/// overrides the defaults (the paper's settings).
/// </summary>
public class TrainingSettings : LabelledDataSettings
{
    [CommandOption("--config <FILE>")]
    [Description("JSON file of training settings (field names as the options, camelCase: hidden, learningRate, ...). Unknown fields are an error.")]
    public string? Config { get; init; }

    [CommandOption("--arch <ARCH>")]
    [Description("Network: rlstm or alstm. Default: rlstm.")]
    public string? Architecture { get; init; }

    [CommandOption("--hidden <N>")]
    [Description("LSTM units per direction. Default: 256.")]
    public int? Hidden { get; init; }

    [CommandOption("--dense <N>")]
    [Description("Units of the dense layer. Default: 200.")]
    public int? Dense { get; init; }

    [CommandOption("--attention-size <N>")]
    [Description("Columns of the attention matrix W_a (alstm). Default: 400.")]
    public int? AttentionSize { get; init; }

    [CommandOption("--filters <N>")]
    [Description("Convolution filters per width. Default: 10.")]
    public int? Filters { get; init; }

    [CommandOption("--conv-widths <LIST>")]
    [Description("Comma-separated convolution widths (odd). Default: 1,3,5,9,15,21.")]
    public string? ConvWidths { get; init; }

    [CommandOption("--dropout <P>")]
    [Description("Dropout probability. Default: 0.5.")]
    public double? Dropout { get; init; }

    [CommandOption("--epochs <N>")]
    [Description("Passes over the training data. Default: 100.")]
    public int? Epochs { get; init; }

    [CommandOption("--learning-rate <LR>")]
    [Description("Adam learning rate. Default: 0.0002.")]
    public double? LearningRate { get; init; }

    [CommandOption("--schedule <NAME>")]
    [Description("Learning-rate schedule: constant or cosine. Default: constant.")]
    public string? Schedule { get; init; }

    [CommandOption("--weight-decay <W>")]
    [Description("L2 weight decay. Default: 0.")]
    public double? WeightDecay { get; init; }

    [CommandOption("--clip-norm <C>")]
    [Description("Clip the gradient norm to C (0 = off). Default: 0.")]
    public double? ClipNorm { get; init; }

    [CommandOption("--class-weight-power <P>")]
    [Description("Weigh each location's loss by (its proteins / mean)^-P against class imbalance: 0 = off, 1 = balanced. Default: 0.")]
    public double? ClassWeightPower { get; init; }

    [CommandOption("--batch-size <N>")]
    [Description("Proteins per batch. Default: 32.")]
    public int? BatchSize { get; init; }

    [CommandOption("--max-length <N>")]
    [Description("Cut longer proteins from the middle to N residues. Default: 1000.")]
    public int? MaxLength { get; init; }

    [CommandOption("--seed <N>")]
    [Description("Random seed; the same seed gives the same model. Default: 1.")]
    public int? Seed { get; init; }

    [CommandOption("--profile-recipe <FILE>")]
    [Description("JSON saying how the --profiles were made (tool, settings, database), recorded in the model. Default: PROFILES.recipe.json beside the first profiles file, if there.")]
    public string? ProfileRecipe { get; init; }

    [CommandOption("--resume")]
    [Description("Continue the run saved in the checkpoint (a run that finished or was killed). Starts afresh when there is no checkpoint.")]
    public bool Resume { get; init; }

    /// <summary>Every option is checked before any work starts: the settings are resolved here once.</summary>
    public override Spectre.Console.ValidationResult Validate()
    {
        if (Database != null && Profiles.Length > 0) return Spectre.Console.ValidationResult.Error("Give --profiles or --db, not both.");
        if (Database != null && ProfileRecipe != null)
            return Spectre.Console.ValidationResult.Error("--profile-recipe describes --profiles files; with --db the profile step records how it made the profiles.");
        if (Database == null && ProfileTool != null) return Spectre.Console.ValidationResult.Error("--profile-tool chooses the tool for --db; give --db DATABASE too.");
        try
        {
            ResolveOptions();
            if (ProfileTool != null) LocSharp.Profiles.ProfileTools.Parse(ProfileTool);
        }
        catch (InvalidSettingException e)
        {
            return Spectre.Console.ValidationResult.Error(e.Message);
        }
        return base.Validate();
    }

    /// <summary>The settings in force: defaults, then --config, then the options given.</summary>
    public TrainingOptions ResolveOptions()
    {
        var options = new TrainingOptions();
        if (Config != null)
        {
            if (!File.Exists(Config)) throw new FileNotFoundException($"{Config}: no such config file.");
            try
            {
                options = JsonSerializer.Deserialize<TrainingOptions>(File.ReadAllText(Config), ModelFile.Json)
                    ?? throw new InvalidDataException($"{Config}: the file is empty.");
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{Config}: {e.Message}");
            }
        }
        options = options with
        {
            Architecture = Architecture == null ? options.Architecture : ParseArchitecture(Architecture),
            Hidden = Hidden ?? options.Hidden,
            Dense = Dense ?? options.Dense,
            AttentionSize = AttentionSize ?? options.AttentionSize,
            FiltersPerWidth = Filters ?? options.FiltersPerWidth,
            ConvWidths = ConvWidths == null ? options.ConvWidths : ParseList(ConvWidths, "--conv-widths"),
            Dropout = Dropout ?? options.Dropout,
            Epochs = Epochs ?? options.Epochs,
            LearningRate = LearningRate ?? options.LearningRate,
            Schedule = Schedule == null ? options.Schedule : ParseSchedule(Schedule),
            WeightDecay = WeightDecay ?? options.WeightDecay,
            ClipNorm = ClipNorm ?? options.ClipNorm,
            ClassWeightPower = ClassWeightPower ?? options.ClassWeightPower,
            BatchSize = BatchSize ?? options.BatchSize,
            MaxLength = MaxLength ?? options.MaxLength,
            Seed = Seed ?? options.Seed,
            Profiles = Profiles.Length > 0 || Database != null || options.Profiles,
        };
        options.Validate();
        return options;
    }

    /// <summary>
    /// The profiles training reads and how they were made: the --profiles files (with <see cref="ResolveProfileRecipe"/>),
    /// or, with --db, those the profile step makes for <paramref name="proteins"/> (its own recipe); null with neither.
    /// </summary>
    public TrainingProfiles? LoadTrainingProfiles(IEnumerable<LabelledProtein> proteins, Infrastructure.CliEnvironment environment,
        CancellationToken cancellation)
    {
        if (Database == null) return LoadProfiles() is { } set ? new TrainingProfiles(set, ResolveProfileRecipe()) : null;
        var records = proteins.DistinctBy(p => p.Id).Select(p => new LocSharp.Sequences.FastaRecord(p.Id, "", p.Sequence, 0));
        var made = ComputeProfiles(LocSharp.Profiles.ProfileTools.Parse(ProfileTool ?? "mmseqs"), records, environment, cancellation);
        return new TrainingProfiles(made.ToSet(Database), made.Recipe);
    }

    /// <summary>How the --profiles were made: --profile-recipe, else the first file's sidecar, else unrecorded (null).</summary>
    public LocSharp.Profiles.ProfileRecipe? ResolveProfileRecipe()
    {
        if (ProfileRecipe != null) return LocSharp.Profiles.ProfileRecipeFile.Read(ProfileRecipe);
        if (Profiles.Length == 0) return null;
        string sidecar = LocSharp.Profiles.ProfileRecipeFile.SidecarOf(Profiles[0]);
        return File.Exists(sidecar) ? LocSharp.Profiles.ProfileRecipeFile.Read(sidecar) : null;
    }

    static Architecture ParseArchitecture(string name) => name.ToLowerInvariant() switch
    {
        "rlstm" or "r-lstm" => Models.Architecture.RLstm,
        "alstm" or "a-lstm" => Models.Architecture.ALstm,
        _ => throw new Infrastructure.UsageException($"--arch must be rlstm or alstm, not '{name}'."),
    };

    static LearningRateSchedule ParseSchedule(string name) => name.ToLowerInvariant() switch
    {
        "constant" => LearningRateSchedule.Constant,
        "cosine" => LearningRateSchedule.Cosine,
        _ => throw new Infrastructure.UsageException($"--schedule must be constant or cosine, not '{name}'."),
    };

    static IReadOnlyList<int> ParseList(string text, string option) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => int.TryParse(part, out int value) ? value : throw new Infrastructure.UsageException($"{option}: '{part}' is not a whole number."))
            .ToList();
}
