using LocSharp.Models;
using LocSharp.Profiles;

namespace LocSharp.Explain;

/// <summary>Settings of <see cref="AttentionExplanation.Compute"/> and <see cref="AttentionReport.Write"/>.</summary>
public sealed record AttentionExplanationOptions
{
    /// <summary>The proteins' profiles, for a profile model.</summary>
    public ProfileSet? Profiles { get; init; }

    /// <summary>Track figures to draw, for the first proteins in input order (a proteome would give thousands).</summary>
    public int MaxTracks { get; init; } = 50;

    /// <summary>Proteins per network batch.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Names the model in messages and figure titles.</summary>
    public string ModelName { get; init; } = "the model";
}

/// <summary>
/// Where an A-LSTM looks (Sønderby et al. 2015, Fig. 6): its attention weight at every residue, and how much of it
/// falls inside annotated sorting signals. <see cref="AttentionReport"/> writes it as tables and figures.
/// </summary>
public static class AttentionExplanation
{
    /// <summary>
    /// The attention of the model's network over every protein of <paramref name="input"/>, in input order. The
    /// checks run at once; the network runs as the result's <see cref="ExplainedProteins{T}.Proteins"/> is
    /// enumerated, a chunk of <see cref="NetworkReader.ChunkSize"/> proteins at a time, and keeps nothing, so a
    /// proteome's attention needs no more memory than a chunk's.
    /// </summary>
    /// <param name="options">Reads <see cref="AttentionExplanationOptions.BatchSize"/> and the model's name.</param>
    /// <param name="progress">Told the proteins read (stage "network").</param>
    /// <exception cref="ExplainException">The model has no A-LSTM to explain (<see cref="Member"/>), or there are no proteins.</exception>
    public static ExplainedProteins<ProteinAttention> Compute(TrainedModel model, ExplainInput input,
        AttentionExplanationOptions? options = null, IProgress<ExplainProgress>? progress = null)
    {
        options ??= new AttentionExplanationOptions();
        if (model.Networks.Count > 1 && Member(model) is int member) model = model.Member(member);
        var network = model.Networks.Count == 1 ? model.Networks[0] : throw new ExplainException(
            $"{options.ModelName} is an ensemble of {model.Networks.Count} networks without exactly one A-LSTM; explain the attention of one network: give a model file of a single trained A-LSTM (e.g. one made by train or cv).");
        if (network.Config.Architecture != Architecture.ALstm)
            throw new ExplainException(
                $"{options.ModelName} is an R-LSTM, which has no attention weights; attention needs an A-LSTM model. An R-LSTM's residues, representations and filters can be explained.");
        if (input.Count == 0) throw new ExplainException($"{input.Source} holds no proteins to explain.");
        var proteins = NetworkReader.Read(model, input.Proteins, options.BatchSize, progress, options.Profiles).Select(reading => Attention(reading, model));
        return new ExplainedProteins<ProteinAttention>(input, model.Locations, proteins);
    }

    /// <summary>
    /// The network whose attention explains <paramref name="model"/>: its one network if that is an A-LSTM, or in an
    /// ensemble with exactly one A-LSTM (the default model averages an R-LSTM and an A-LSTM) that A-LSTM; null when
    /// there is no attention or more than one to choose from.
    /// </summary>
    public static int? Member(TrainedModel model)
    {
        var attention = Enumerable.Range(0, model.Networks.Count).Where(k => model.Networks[k].Config.Architecture == Architecture.ALstm).ToList();
        return attention is [int only] ? only : null;
    }

    /// <summary>How tables and figures name the network explained: <paramref name="modelName"/>, and which of its
    /// networks when it is an ensemble's A-LSTM (whose own call may differ from the ensemble's).</summary>
    public static string ExplainedName(TrainedModel model, string modelName) =>
        model.Networks.Count > 1 && Member(model) is int k ? $"{modelName}'s A-LSTM (network {k + 1} of {model.Networks.Count})" : modelName;

    static ProteinAttention Attention(NetworkReading reading, TrainedModel model)
    {
        var protein = reading.Protein;
        float[] weights = reading.Attention!;
        int predicted = reading.Predicted;
        var signal = protein.Signal is { } s ? SignalAttentionMeasure.Measure(weights, protein.Sequence.Length, model.MaxLength, s) : null;
        return new ProteinAttention(protein, reading.ReadSequence, protein.PositionsRead(model.MaxLength), weights,
            model.Locations[predicted], reading.Probabilities[predicted], signal);
    }
}
