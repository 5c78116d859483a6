using LocSharp.Data;
using LocSharp.Encoding;
using LocSharp.Profiles;
using static TorchSharp.torch;

namespace LocSharp.Models;

/// <summary>
/// One or more trained networks with what is needed to use them: the location names in output order, the
/// encoding and the maximum length. With several networks (an ensemble) the prediction is the mean of their
/// probabilities. A calibrated model divides every network's logits by its fitted temperature before the softmax.
/// </summary>
public sealed class TrainedModel : IDisposable
{
    public TrainedModel(IReadOnlyList<LocalizationNetwork> networks, IReadOnlyList<string> locations, int maxLength,
        IReadOnlyList<TrainingSummary?>? training = null, string encoding = ResidueEncoder.Name, ProfileRecipe? profiles = null)
    {
        if (networks.Count == 0) throw new ArgumentException("A model needs at least one network.", nameof(networks));
        if (networks.Any(n => n.Config.Classes != locations.Count))
            throw new ArgumentException($"Every network must have {locations.Count} outputs, one per location.", nameof(networks));
        if (networks.Select(n => n.Config.InputFeatures).Distinct().Count() != 1)
            throw new ArgumentException("Every network must read the same number of features.", nameof(networks));
        if (networks.Select(n => n.Config.Membrane).Distinct().Count() != 1)
            throw new ArgumentException("Either every network or none predicts membrane-bound vs soluble.", nameof(networks));
        if (locations.Distinct().Count() != locations.Count)
            throw new ArgumentException("Location names must be distinct.", nameof(locations));
        Networks = networks;
        Locations = locations;
        MaxLength = maxLength;
        Encoding = encoding;
        Profiles = profiles;
        Training = training ?? networks.Select(_ => (TrainingSummary?)null).ToList();
    }

    public IReadOnlyList<LocalizationNetwork> Networks { get; }
    public IReadOnlyList<string> Locations { get; }
    public int MaxLength { get; }
    public string Encoding { get; }
    public int InputFeatures => Networks[0].Config.InputFeatures;

    /// <summary>Whether the networks read profiles (80 features).</summary>
    public bool NeedsProfiles => InputFeatures == ResidueEncoder.Features + ResidueEncoder.ProfileFeatures;

    /// <summary>How the profiles of a profile model must be made; null when unrecorded or without profiles.</summary>
    public ProfileRecipe? Profiles { get; }

    /// <summary>Whether the model predicts membrane-bound vs soluble besides the location.</summary>
    public bool PredictsMembrane => Networks[0].Config.Membrane;
    public IReadOnlyList<TrainingSummary?> Training { get; }

    /// <summary>The fitted temperatures; null = uncalibrated (temperature 1). Set to null for raw probabilities.</summary>
    public ModelCalibration? Calibration
    {
        get => calibration;
        set
        {
            value?.Validate();
            calibration = value;
        }
    }
    ModelCalibration? calibration;

    /// <summary>What the location logits are divided by: the fitted temperature, or 1.</summary>
    public double Temperature => Calibration?.Temperature ?? 1;

    /// <summary>What the membrane-bound logit is divided by: its fitted temperature, or 1.</summary>
    public double MembraneTemperature => Calibration?.MembraneTemperature ?? 1;

    /// <summary>Joins models trained on the same locations, encoding and maximum length into one ensemble. The
    /// ensemble is uncalibrated: its averaged output needs a temperature of its own.</summary>
    public static TrainedModel Ensemble(IReadOnlyList<TrainedModel> members)
    {
        var first = members[0];
        foreach (var member in members.Skip(1)) CheckCompatible(first, member);
        return new TrainedModel(members.SelectMany(m => m.Networks).ToList(), first.Locations, first.MaxLength,
            members.SelectMany(m => m.Training).ToList(), first.Encoding, first.Profiles);
    }

    /// <exception cref="ArgumentException">The two cannot be averaged: other locations, encoding or maximum length.</exception>
    public static void CheckCompatible(TrainedModel first, TrainedModel member)
    {
        if (!member.Locations.SequenceEqual(first.Locations))
            throw new ArgumentException($"Ensemble members must predict the same locations in the same order: [{string.Join(", ", first.Locations)}] vs [{string.Join(", ", member.Locations)}].");
        if (member.Encoding != first.Encoding || member.InputFeatures != first.InputFeatures)
            throw new ArgumentException("Ensemble members must use the same residue encoding.");
        if (member.Profiles != first.Profiles)
            throw new ArgumentException($"Ensemble members must read profiles made the same way ({first.Profiles?.ToString() ?? "none"} vs {member.Profiles?.ToString() ?? "none"}).");
        if (member.PredictsMembrane != first.PredictsMembrane)
            throw new ArgumentException("Either every ensemble member or none must predict membrane-bound vs soluble.");
        if (member.MaxLength != first.MaxLength)
            throw new ArgumentException($"Ensemble members must use the same maximum length ({first.MaxLength} vs {member.MaxLength}).");
    }

    /// <summary>[B, C] location probabilities for a batch, averaged over the networks.</summary>
    public Tensor PredictProbabilities(EncodedBatch batch)
    {
        var (probabilities, membrane) = Predict(batch);
        membrane?.Dispose();
        return probabilities;
    }

    /// <summary>[B, C] location probabilities and, for models that predict it, [B] probabilities of being
    /// membrane-bound, each averaged over the networks.</summary>
    public (Tensor Probabilities, Tensor? Membrane) Predict(EncodedBatch batch)
    {
        using var scope = NewDisposeScope();
        var (logits, membraneLogits) = Logits(batch);                                       // [M, B, C], [M, B]
        var probabilities = Average(logits);                                                  // [B, C]
        var membrane = membraneLogits?.div(MembraneTemperature).sigmoid().mean([0L]);       // [B]
        return (probabilities.MoveToOuterDisposeScope(), membrane?.MoveToOuterDisposeScope());
    }

    /// <summary>The model's [B, C] probabilities from its networks' logits [M, B, C]: each network's softmax of its
    /// logits / <see cref="Temperature"/>, averaged (one temperature for the ensemble's output).</summary>
    public Tensor Average(Tensor logits) => nn.functional.softmax(logits.div(Temperature), 2).mean([0L]);

    /// <summary>Every network's raw logits for a batch, without gradients: [M, B, C] location logits and, for models
    /// that predict it, [M, B] membrane-bound logits (M = networks). Each network runs in evaluation mode (no
    /// dropout) and is left in the mode its caller had it in.</summary>
    public (Tensor Locations, Tensor? Membrane) Logits(EncodedBatch batch)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var locations = new List<Tensor>();
        var membrane = new List<Tensor>();
        foreach (var network in Networks)
        {
            using var mode = new EvaluationMode(network); // several threads may share it (BatchedInference)
            var output = network.call(batch.Features, batch.Lengths);
            locations.Add(output.Logits);
            if (output.Membrane is { } m) membrane.Add(m);
        }
        return (stack(locations).MoveToOuterDisposeScope(), PredictsMembrane ? stack(membrane).MoveToOuterDisposeScope() : null);
    }

    /// <summary>A view of network <paramref name="k"/> alone, with its training record: it shares the network with
    /// this model, so dispose this model, never the view. Its probabilities are the network's own, uncalibrated.</summary>
    public TrainedModel Member(int k) => new([Networks[k]], Locations, MaxLength, [Training[k]], Encoding, Profiles);

    public void Dispose()
    {
        foreach (var network in Networks) network.Dispose();
    }
}
