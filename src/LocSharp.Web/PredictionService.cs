using LocSharp.Profiles;
using LocSharp.Explain;
using LocSharp.Prediction;
using LocSharp.Sequences;

namespace LocSharp.Web;

/// <summary>
/// Runs the loaded models for every request. At most <see cref="ServeOptions.ConcurrentPredictions"/> predictions
/// run the network at once (libtorch already spreads one forward pass over the cores, so more at once only compete
/// for them; see docs/performance.md); the others wait. Work goes in slices of
/// <see cref="ServeOptions.SliceProteins"/> proteins, so a long job lets short requests through between slices, its
/// progress advances, and a cancelled request stops at the next batch.
/// </summary>
public sealed class PredictionService(ServeOptions options) : IDisposable
{
    readonly SemaphoreSlim network = new(options.ConcurrentPredictions, options.ConcurrentPredictions);
    long cancelled;
    int inFlight;

    /// <summary>Predictions stopped by cancellation (a client that went away, a deleted job) since start.</summary>
    public long Cancelled => Interlocked.Read(ref cancelled);

    /// <summary>Predictions under way: running or waiting for the network.</summary>
    public int InFlight => Volatile.Read(ref inFlight);

    /// <summary>Tests: takes one of the network's turns until disposed, so predictions must wait.</summary>
    internal async Task<IDisposable> HoldNetworkAsync()
    {
        await network.WaitAsync();
        return new Turn(network);
    }

    sealed class Turn(SemaphoreSlim network) : IDisposable
    {
        public void Dispose() => network.Release();
    }

    /// <summary>Refuses a profile model when the server has no profiles.</summary>
    /// <exception cref="RequestException">400, saying how to start the server.</exception>
    public void CheckCanPredict(ServedModel model)
    {
        if (model.Model.NeedsProfiles && options.Profiles is null && options.ProfileDatabase is null)
            throw RequestException.BadRequest($"the model {model.Name} reads evolutionary profiles and the server was started without them; start it with --profiles FILE or --profiles-db DATABASE.");
    }

    /// <summary>The server's profiles, or for a profile model served with a database those the profile step makes
    /// for <paramref name="records"/> (computed once per sequence, then from its cache).</summary>
    ProfileSet? ProfilesFor(ServedModel model, IReadOnlyList<FastaRecord> records, CancellationToken cancel)
    {
        if (!model.Model.NeedsProfiles || options.ProfileDatabase is not string database) return options.Profiles;
        var tool = options.ProfileTool ?? ProfileTools.Parse(model.Model.Profiles?.Tool ?? "mmseqs");
        lock (profileStep)
            return ProfileStep.Run(database, records, new ProfileStepOptions { Tool = tool }, cancellation: cancel).ToSet(database);
    }

    /// <summary>The profile step runs one request at a time: its tools use every core.</summary>
    readonly object profileStep = new();

    /// <summary>The predictions of <paramref name="records"/>, in input order.</summary>
    /// <param name="progress">Told the number of proteins done after each slice.</param>
    /// <exception cref="RequestException">400: a profile model lacks a protein's profile, or it does not fit.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was cancelled.</exception>
    public async Task<IReadOnlyList<ProteinPrediction>> PredictAsync(ServedModel model, IReadOnlyList<FastaRecord> records,
        IProgress<int>? progress = null, CancellationToken cancel = default)
    {
        CheckCanPredict(model);
        var pipeline = new PredictionPipeline(model.Model, options.BatchSize, profiles: ProfilesFor(model, records, cancel));
        var predictions = new List<ProteinPrediction>(records.Count);
        Interlocked.Increment(ref inFlight);
        try
        {
            foreach (var slice in records.Chunk(options.SliceProteins))
            {
                await network.WaitAsync(cancel);
                try
                {
                    predictions.AddRange(await Task.Run(() => pipeline.Predict(slice, cancel).ToList(), cancel));
                }
                finally
                {
                    network.Release();
                }
                progress?.Report(predictions.Count);
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Interlocked.Increment(ref cancelled);
            throw;
        }
        catch (Profiles.ProfileFormatException e)
        {
            throw RequestException.BadRequest(e.Message);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
        return predictions;
    }

    /// <summary>The attention an A-LSTM paid to each residue of <paramref name="record"/>, or null for other models.</summary>
    public async Task<ProteinAttention?> ReadAsync(ServedModel model, FastaRecord record, CancellationToken cancel = default)
    {
        if (!model.HasAttention) return null;
        await network.WaitAsync(cancel);
        try
        {
            return await Task.Run(() => AttentionExplanation.Compute(model.Model, One(record)).Proteins.Single(), cancel);
        }
        finally
        {
            network.Release();
        }
    }

    /// <summary>
    /// Per-residue attribution of <paramref name="record"/>'s predicted location by integrated gradients
    /// (<see cref="ResidueExplanation"/>, its default steps and refinement), for a model without profiles; null for
    /// one that reads them. Seconds per protein, so it runs only when a protein's evidence is asked for.
    /// </summary>
    public async Task<ProteinAttribution?> AttributeAsync(ServedModel model, FastaRecord record, CancellationToken cancel = default)
    {
        if (model.Model.NeedsProfiles) return null;
        await network.WaitAsync(cancel);
        try
        {
            return await Task.Run(() => ResidueExplanation.Compute(model.Model, One(record)).Proteins.Single(), cancel);
        }
        finally
        {
            network.Release();
        }
    }

    static ExplainInput One(FastaRecord record) => new([new ExplainProtein(record.Id, record.Sequence)], false, [], record.Id);

    public void Dispose() => network.Dispose();
}
