using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocSharp.Models;

/// <summary>
/// Reads and writes model files: a zip archive holding model.json (<see cref="ModelMetadata"/>) and one float16
/// weights entry per member (<see cref="TensorArchive"/>). Unzip it to read the metadata with any tool.
/// </summary>
public static class ModelFile
{
    const string MetadataEntry = "model.json";

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Writes the model atomically: to a temporary file beside <paramref name="path"/>, then renamed.</summary>
    public static void Save(TrainedModel model, string path)
    {
        var members = new List<ModelMember>();
        var entries = new List<(string Name, byte[] Bytes)>();
        for (int i = 0; i < model.Networks.Count; i++)
        {
            byte[] weights = TensorArchive.Write(model.Networks[i], TensorArchive.Precision.Float16);
            string name = $"member-{i}.weights";
            entries.Add((name, weights));
            members.Add(new ModelMember(model.Networks[i].Config, name, TensorArchive.Sha256(weights), model.Training[i]));
        }
        var metadata = new ModelMetadata(ModelMetadata.CurrentFormatVersion, model.Locations, model.Encoding,
            model.InputFeatures, model.MaxLength, members) { Profiles = model.Profiles, Calibration = model.Calibration };
        entries.Insert(0, (MetadataEntry, JsonSerializer.SerializeToUtf8Bytes(metadata, Json)));
        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var (name, bytes) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(bytes);
            }
        });
    }

    /// <exception cref="ModelFileException">The file is missing, not a model, truncated, corrupt or of another version.</exception>
    public static TrainedModel Load(string path)
    {
        if (!File.Exists(path)) throw new ModelFileException(path, "no such model file.");
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var metadata = ReadMetadata(zip, path);
            var networks = new List<LocalizationNetwork>();
            try
            {
                foreach (var member in metadata.Members)
                {
                    byte[] weights = ReadEntry(zip, member.Weights, path);
                    if (TensorArchive.Sha256(weights) != member.Sha256)
                        throw new ModelFileException(path, $"entry {member.Weights} is corrupt (its SHA-256 does not match model.json).");
                    var network = LocalizationNetwork.Create(member.Config);
                    networks.Add(network);
                    TensorArchive.Read(weights, network, $"{path}: {member.Weights}");
                    network.eval();
                }
                metadata.Calibration?.Validate();
                return new TrainedModel(networks, metadata.Locations, metadata.MaxLength,
                    metadata.Members.Select(m => m.Training).ToList(), metadata.Encoding, metadata.Profiles)
                    { Calibration = metadata.Calibration };
            }
            catch
            {
                foreach (var network in networks) network.Dispose();
                throw;
            }
        }
        catch (InvalidDataException e)
        {
            throw new ModelFileException(path, $"not a readable model file ({e.Message}). Is it truncated or not a LocSharp model?", e);
        }
        catch (ArgumentException e)
        {
            throw new ModelFileException(path, $"the model description is invalid: {e.Message}", e);
        }
    }

    /// <summary>The metadata alone, without building the networks.</summary>
    public static ModelMetadata ReadMetadata(string path)
    {
        if (!File.Exists(path)) throw new ModelFileException(path, "no such model file.");
        try
        {
            using var zip = ZipFile.OpenRead(path);
            return ReadMetadata(zip, path);
        }
        catch (InvalidDataException e)
        {
            throw new ModelFileException(path, $"not a readable model file ({e.Message}). Is it truncated or not a LocSharp model?", e);
        }
    }

    static ModelMetadata ReadMetadata(ZipArchive zip, string path)
    {
        byte[] bytes = ReadEntry(zip, MetadataEntry, path);
        ModelMetadata? metadata;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            // Check the kind of each element before reading it: GetString and GetInt32 throw on other kinds.
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format)
                || format.ValueKind != JsonValueKind.String || format.GetString() != ModelMetadata.FormatName)
                throw new ModelFileException(path, "model.json does not describe a LocSharp model.");
            bool hasVersion = root.TryGetProperty("formatVersion", out var version);
            if (!hasVersion || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int number)
                || number != ModelMetadata.CurrentFormatVersion)
                throw new ModelFileException(path, $"format version {(hasVersion ? version.GetRawText() : "missing")}; " +
                    $"this LocSharp reads version {ModelMetadata.CurrentFormatVersion}. Use the LocSharp release that wrote it, or retrain.");
            metadata = JsonSerializer.Deserialize<ModelMetadata>(bytes, Json);
        }
        catch (JsonException e)
        {
            throw new ModelFileException(path, $"model.json is malformed: {e.Message}", e);
        }
        if (metadata is null || metadata.Members.Count == 0)
            throw new ModelFileException(path, "model.json lists no networks.");
        if (metadata.Members.Any(m => m.Config.Classes != metadata.Locations.Count || m.Config.InputFeatures != metadata.InputFeatures))
            throw new ModelFileException(path, "model.json is inconsistent: a network's classes or input width differ from the file's locations or encoding.");
        if (metadata.Encoding != Encoding.ResidueEncoder.Name)
            throw new ModelFileException(path, $"model.json records the residue encoding '{metadata.Encoding}', but this LocSharp encodes residues " +
                $"as '{Encoding.ResidueEncoder.Name}'; its networks would read other numbers than they were trained on. Use the LocSharp release that wrote it, or retrain.");
        if (metadata.MaxLength < 2)
            throw new ModelFileException(path, $"model.json gives the maximum length {metadata.MaxLength}; it must be at least 2 (the shipped models use {Encoding.Truncation.DefaultMaxLength}).");
        return metadata;
    }

    static byte[] ReadEntry(ZipArchive zip, string name, string path)
    {
        var entry = zip.GetEntry(name) ?? throw new ModelFileException(path, $"entry {name} is missing.");
        using var stream = entry.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
