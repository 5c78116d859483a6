using LocSharp.Models;

namespace LocSharp.Tests.Web;

/// <summary>Tiny model files for the server tests, written once into a temporary folder.</summary>
public sealed class ServeModels : IDisposable
{
    /// <summary>DeepLoc's ten locations, in its file's order.</summary>
    public static readonly string[] DeepLocLocations =
        ["Cell.membrane", "Cytoplasm", "Endoplasmic.reticulum", "Extracellular", "Golgi.apparatus", "Lysosome/Vacuole",
         "Mitochondrion", "Nucleus", "Peroxisome", "Plastid"];

    readonly TempDirectory directory = new();

    public ServeModels()
    {
        RLstm = TinyModels.Save(directory.Path("tiny-rlstm.lsm"), Architecture.RLstm, weightScale: 0.5);
        ALstm = TinyModels.Save(directory.Path("tiny-alstm.lsm"), Architecture.ALstm, weightScale: 0.5);
        Membrane = SaveMembraneModel(directory.Path("tiny-deeploc.lsm"));
        Profile = SaveProfileModel(directory.Path("tiny-profile.lsm"));
    }

    /// <summary>An R-LSTM that reads profiles (80 features).</summary>
    public string Profile { get; }

    public string RLstm { get; }
    public string ALstm { get; }

    /// <summary>DeepLoc's layout: ten locations and a membrane-bound output.</summary>
    public string Membrane { get; }

    public string Folder => directory.Root;

    static string SaveMembraneModel(string path)
    {
        TorchSharp.torch.random.manual_seed(11);
        var config = new ModelConfig(Architecture.ALstm, DeepLocLocations.Length, ConvWidths: [1, 3], FiltersPerWidth: 2, Hidden: 4,
            Dense: 4, AttentionSize: 4, Membrane: true);
        var network = LocalizationNetwork.Create(config);
        using (TorchSharp.torch.no_grad())
            foreach (var (_, parameter) in network.named_parameters()) TorchSharp.torch.nn.init.uniform_(parameter, -0.5, 0.5);
        using var model = new TrainedModel([network], DeepLocLocations, 50);
        ModelFile.Save(model, path);
        return path;
    }

    static string SaveProfileModel(string path)
    {
        TorchSharp.torch.random.manual_seed(13);
        var config = new ModelConfig(Architecture.RLstm, TinyModels.Locations.Length, InputFeatures: 80, ConvWidths: [1, 3], FiltersPerWidth: 2,
            Hidden: 4, Dense: 4);
        var network = LocalizationNetwork.Create(config);
        using (TorchSharp.torch.no_grad())
            foreach (var (_, parameter) in network.named_parameters()) TorchSharp.torch.nn.init.uniform_(parameter, -0.5, 0.5);
        using var model = new TrainedModel([network], TinyModels.Locations, 50);
        ModelFile.Save(model, path);
        return path;
    }

    /// <summary>Writes made-up profiles of <paramref name="records"/> in LocSharp's profile TSV and returns its path.</summary>
    public string WriteProfiles(string name, IEnumerable<LocSharp.Sequences.FastaRecord> records)
    {
        var random = new Random(5);
        var text = new System.Text.StringBuilder(LocSharp.Profiles.ProfileTsvReader.Header).Append('\n');
        foreach (var record in records)
            for (int i = 0; i < record.Sequence.Length; i++)
                text.Append($"{record.Id}\t{i + 1}\t{record.Sequence[i]}\t")
                    .AppendJoin('\t', Enumerable.Range(0, 20).Select(_ => random.Next(-8, 9))).Append('\n');
        return directory.Write(name, text.ToString());
    }

    public void Dispose() => directory.Dispose();
}
