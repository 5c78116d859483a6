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
/// <param name="Probabilities">Location probabilities, in the model's location order (an ensemble's average).</param>
/// <param name="Representation">The fixed-length representation the classifier reads (R-LSTM: joined last states;
/// A-LSTM: the context c); for an ensemble its networks' representations joined, in network order.</param>
/// <param name="Attention">A single A-LSTM: one attention weight per residue of <see cref="ReadSequence"/>; null for an
/// R-LSTM or an ensemble.</param>
public sealed record NetworkReading(ExplainProtein Protein, string ReadSequence, float[] Probabilities, float[] Representation, float[]? Attention)
{
    /// <summary>Index of the most probable location.</summary>
    public int Predicted => Array.IndexOf(Probabilities, Probabilities.Max());
}

/// <summary>
/// Runs a model's networks over many proteins for the explanations: in evaluation mode, without gradients, in batches of
/// similar length, streaming the results in input order. Memory holds one chunk of <see cref="ChunkSize"/> proteins'
/// results, whatever the number of proteins.
/// </summary>
public static class NetworkReader
{
    /// <summary>Proteins sorted into length buckets together; results are held for one chunk at a time.</summary>
    public const int ChunkSize = 2048;

    /// <summary>The model's reading of every protein, in input order.</summary>
    /// <param name="profiles">The proteins' profiles, for a profile model (ignored by one without).</param>
    /// <param name="progress">Told the number of proteins done after every batch (stage "network").</param>
    /// <exception cref="ArgumentException">A profile model was given no profiles.</exception>
    public static IEnumerable<NetworkReading> Read(TrainedModel model, IReadOnlyList<ExplainProtein> proteins, int batchSize = 64,
        IProgress<ExplainProgress>? progress = null, ProfileSet? profiles = null)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), $"The batch size must be positive, not {batchSize}.");
        NetworkInput.RequireProfiles(model, profiles != null, nameof(profiles));
        return ReadChunks(model, proteins, batchSize, progress, model.NeedsProfiles ? profiles : null);
    }

    static IEnumerable<NetworkReading> ReadChunks(TrainedModel model, IReadOnlyList<ExplainProtein> proteins,
        int batchSize, IProgress<ExplainProgress>? progress, ProfileSet? profiles)
    {
        var modes = model.Networks.Select(n => new EvaluationMode(n)).ToList();
        try
        {
            int done = 0;
            for (int start = 0; start < proteins.Count; start += ChunkSize)
            {
                var chunk = proteins.Skip(start).Take(ChunkSize).ToList();
                var readings = ReadChunk(model, chunk, batchSize, profiles, batchDone =>
                {
                    done += batchDone;
                    progress?.Report(new ExplainProgress("network", done, proteins.Count));
                });
                // No tensor or dispose scope is open here: the caller may do its own tensor work between items.
                foreach (var reading in readings) yield return reading;
            }
        }
        finally
        {
            foreach (var mode in modes) mode.Dispose();
        }
    }

    static NetworkReading[] ReadChunk(TrainedModel model, IReadOnlyList<ExplainProtein> chunk, int batchSize,
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
            var outputs = model.Networks.Select(network => network.call(batch.Features, batch.Lengths)).ToList();
            var representation = cat(outputs.Select(o => o.Representation).ToList(), 1);                            // [B, ΣR]
            return new BatchReading(batch.Items, batch.Features.shape[1], model.Locations.Count, (int)representation.shape[1],
                model.Average(stack(outputs.Select(o => o.Logits).ToList())).contiguous().data<float>().ToArray(),  // [B·C]
                representation.contiguous().data<float>().ToArray(),
                outputs is [{ Attention: { } attention }] ? attention.contiguous().data<float>().ToArray() : null); // [B·T]
        }
    }

    /// <summary>One batch's outputs, flattened: probabilities [B·Classes], representations [B·Size], attention [B·Steps].</summary>
    sealed record BatchReading(IReadOnlyList<int> Items, long Steps, int Classes, int Size, float[] Probabilities, float[] Representation,
        float[]? Attention);
}
