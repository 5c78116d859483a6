using System.IO.Compression;
using System.Text.Json;
using LocSharp.Models;
using TorchSharp.Modules;

namespace LocSharp.Training;

/// <summary>
/// Where a training run stands after a finished epoch: a zip of checkpoint.json (this record), the float32
/// weights, Adam's state and, with a validation partition, the best epoch's weights. Written atomically, so a
/// run killed at any moment leaves the previous epoch's checkpoint intact.
/// </summary>
/// <param name="Options">Settings of the run; a resume must use the same.</param>
/// <param name="DataFingerprint">Hash of the training data; a resume must read the same.</param>
/// <param name="Locations">Location names in output order.</param>
/// <param name="EpochsDone">Finished epochs.</param>
/// <param name="BestEpoch">Epoch of the best validation accuracy so far (0 without validation).</param>
/// <param name="BestValidationAccuracy">That accuracy.</param>
/// <param name="WallSeconds">Training time so far, over all sessions.</param>
/// <param name="History">A report per finished epoch.</param>
public sealed record Checkpoint(
    TrainingOptions Options,
    string DataFingerprint,
    IReadOnlyList<string> Locations,
    int EpochsDone,
    int BestEpoch,
    double? BestValidationAccuracy,
    double WallSeconds,
    IReadOnlyList<EpochReport> History)
{
    const string StateEntry = "checkpoint.json", WeightsEntry = "weights", BestEntry = "best.weights", OptimizerEntry = "optimizer";

    /// <summary>Test seam, null outside tests: called in the middle of every <see cref="Save"/> (the weights are in
    /// the temporary file, Adam's state is not yet), so a test can kill the process inside a checkpoint write.</summary>
    internal static Action<Stream>? MidWrite;

    public void Save(string path, LocalizationNetwork network, Adam optimizer, byte[]? bestWeights)
    {
        byte[] optimizerState;
        using (var memory = new MemoryStream())
        {
            using (var writer = new BinaryWriter(memory, System.Text.Encoding.UTF8, leaveOpen: true)) optimizer.save_state_dict(writer);
            optimizerState = memory.ToArray();
        }
        var entries = new List<(string, byte[])>
        {
            (StateEntry, JsonSerializer.SerializeToUtf8Bytes(this, ModelFile.Json)),
            (WeightsEntry, TensorArchive.Write(network, TensorArchive.Precision.Float32)),
            (OptimizerEntry, optimizerState),
        };
        if (bestWeights != null) entries.Add((BestEntry, bestWeights));
        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var (name, bytes) in entries)
            {
                using (var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open()) entry.Write(bytes);
                if (name == WeightsEntry) MidWrite?.Invoke(stream);
            }
        });
    }

    /// <summary>Reads a checkpoint's state, restoring the network's weights and Adam's state into the given objects.</summary>
    /// <returns>The state and the best epoch's weights (null without validation).</returns>
    public static (Checkpoint State, byte[]? BestWeights) Load(string path, LocalizationNetwork network, Adam optimizer)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var state = ReadState(zip, path);
            TensorArchive.Read(ReadEntry(zip, WeightsEntry, path)!, network, $"{path}: {WeightsEntry}");
            using (var reader = new BinaryReader(new MemoryStream(ReadEntry(zip, OptimizerEntry, path)!)))
                optimizer.load_state_dict(reader);
            return (state, ReadEntry(zip, BestEntry, path, optional: true));
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or EndOfStreamException)
        {
            throw new ModelFileException(path, $"not a readable checkpoint ({e.Message}).", e);
        }
    }

    /// <summary>The state alone, to check a resume before building anything.</summary>
    public static Checkpoint ReadState(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            return ReadState(zip, path);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException)
        {
            throw new ModelFileException(path, $"not a readable checkpoint ({e.Message}).", e);
        }
    }

    static Checkpoint ReadState(ZipArchive zip, string path) =>
        JsonSerializer.Deserialize<Checkpoint>(ReadEntry(zip, StateEntry, path)!, ModelFile.Json)
        ?? throw new ModelFileException(path, "checkpoint.json is empty.");

    static byte[]? ReadEntry(ZipArchive zip, string name, string path, bool optional = false)
    {
        var entry = zip.GetEntry(name);
        if (entry == null) return optional ? null : throw new ModelFileException(path, $"checkpoint entry {name} is missing.");
        using var stream = entry.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
