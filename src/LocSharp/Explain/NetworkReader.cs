using LocSharp.Data;
using LocSharp.Encoding;
using LocSharp.Models;
using LocSharp.Prediction;
using LocSharp.Profiles;
using static TorchSharp.torch;

namespace LocSharp.Explain;

/// <summary>One protein as a network read it.</summary>
/// <param name="Protein">The protein.</param>
/// <param name="ReadSequence">The residues the network read: the sequence, cut from the middle to the model's
/// maximum length (<see cref="Truncation"/>).</param>
/// <param name="Probabilities">Location probabilities, in the model's location order.</param>
/// <param name="Representation">The fixed-length representation the classifier reads (R-LSTM: joined last states;
/// A-LSTM: the context c).</param>
/// <param name="Attention">A-LSTM: one attention weight per residue of <see cref="ReadSequence"/>; null for R-LSTM.</param>
public sealed record NetworkReading(ExplainProtein Protein, string ReadSequence, float[] Probabilities, float[] Representation, float[]? Attention)
{
    /// <summary>Index of the most probable location.</summary>
    public int Predicted => Array.IndexOf(Probabilities, Probabilities.Max());
}

/// <summary>
/// Runs one network over many proteins for the explanations: in evaluation mode, without gradients, in batches of
/// similar length, streaming the results in input order. Memory holds one chunk of <see cref="ChunkSize"/> proteins'
/// results, whatever the number of proteins.
/// </summary>
public static class NetworkReader
{
    /// <summary>Proteins sorted into length buckets together; results are held for one chunk at a time.</summary>
    public const int ChunkSize = 2048;

    /// <summary>The model's one network.</summary>
    /// <param name="purpose">What needs it, for the message, e.g. "attention".</param>
    /// <exception cref="ExplainException">The model is an ensemble of several networks.</exception>
    public static LocalizationNetwork SingleNetwork(TrainedModel model, string purpose, string modelName = "the model") => model.Networks.Count == 1
        ? model.Networks[0]
        : throw new ExplainException(
            $"{modelName} is an ensemble of {model.Networks.Count} networks, each with its own {purpose}; explain one network: give a model file of a single trained network (e.g. one made by train or cv).");

    /// <summary>The network's reading of every protein, in input order.</summary>
    /// <param name="profiles">The proteins' profiles, for a profile model (ignored by one without).</param>
    /// <param name="progress">Told the number of proteins done after every batch (stage "network").</param>
    /// <exception cref="ExplainException">The model is an ensemble.</exception>
    /// <exception cref="ArgumentException">A profile model was given no profiles.</exception>
    public static IEnumerable<NetworkReading> Read(TrainedModel model, IReadOnlyList<ExplainProtein> proteins, int batchSize = 64,
        IProgress<ExplainProgress>? progress = null, ProfileSet? profiles = null)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), $"The batch size must be positive, not {batchSize}.");
        NetworkInput.RequireProfiles(model, profiles != null, nameof(profiles));
        var network = SingleNetwork(model, "representation");
        return ReadChunks(model, network, proteins, batchSize, progress, model.NeedsProfiles ? profiles : null);
    }

    static IEnumerable<NetworkReading> ReadChunks(TrainedModel model, LocalizationNetwork network, IReadOnlyList<ExplainProtein> proteins,
        int batchSize, IProgress<ExplainProgress>? progress, ProfileSet? profiles)
    {
        using var mode = new EvaluationMode(network);
        int done = 0;
        for (int start = 0; start < proteins.Count; start += ChunkSize)
        {
            var chunk = proteins.Skip(start).Take(ChunkSize).ToList();
            var readings = ReadChunk(model, network, chunk, batchSize, profiles, batchDone =>
            {
                done += batchDone;
                progress?.Report(new ExplainProgress("network", done, proteins.Count));
            });
            // No tensor or dispose scope is open here: the caller may do its own tensor work between items.
            foreach (var reading in readings) yield return reading;
        }
    }

    static NetworkReading[] ReadChunk(TrainedModel model, LocalizationNetwork network, IReadOnlyList<ExplainProtein> chunk, int batchSize,
        ProfileSet? profiles, Action<int> batchDone)
    {
        var sequences = chunk.Select(p => p.Sequence).ToList();
        var chunkProfiles = profiles is null ? null : chunk.Select(p => profiles.For(p.Id, p.Sequence)).ToList();
        var readings = new NetworkReading[chunk.Count];
        var batches = BatchedInference.Batches(model, sequences, chunkProfiles, batchSize);
        foreach (var batch in BatchedInference.Map(batches, Compute, BatchedInference.WorkersFor(model)))
        {
            for (int b = 0; b < batch.Items.Count; b++)
            {
                int item = batch.Items[b];
                string read = NetworkInput.Sequence(model, chunk[item].Sequence);
                readings[item] = new NetworkReading(chunk[item], read,
                    batch.Probabilities.AsSpan(b * batch.Classes, batch.Classes).ToArray(),
                    batch.Representation.AsSpan(b * batch.Size, batch.Size).ToArray(),
                    batch.Attention?.AsSpan((int)(b * batch.Steps), read.Length).ToArray());
            }
            batchDone(batch.Items.Count);
        }
        return readings;

        BatchReading Compute(EncodedBatch encoded)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            using var batch = encoded;
            var output = network.call(batch.Features, batch.Lengths);
            return new BatchReading(batch.Items, batch.Features.shape[1], model.Locations.Count, (int)output.Representation.shape[1],
                nn.functional.softmax(output.Logits.div(model.Temperature), 1).contiguous().data<float>().ToArray(), // [B·C]
                output.Representation.contiguous().data<float>().ToArray(),                                          // [B·2H]
                output.Attention?.contiguous().data<float>().ToArray());                                             // [B·T]
        }
    }

    /// <summary>One batch's outputs, flattened: probabilities [B·Classes], representations [B·Size], attention [B·Steps].</summary>
    sealed record BatchReading(IReadOnlyList<int> Items, long Steps, int Classes, int Size, float[] Probabilities, float[] Representation,
        float[]? Attention);
}
