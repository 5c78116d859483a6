using LocSharp.Calibration;
using LocSharp.Models;
using LocSharp.Prediction;
using LocSharp.Sequences;

namespace LocSharp.Tests.Prediction;

/// <summary>The batched-inference core: results in source order whatever the number of workers, errors as
/// themselves, and the same predictions with several batches at once as with one.</summary>
[Collection(TorchCollection.Name)]
public sealed class BatchedInferenceTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Map_yields_in_source_order(int workers)
    {
        var random = new Random(3);
        var delays = Enumerable.Range(0, 60).Select(_ => random.Next(3)).ToArray();

        var results = BatchedInference.Map(Enumerable.Range(0, 60), i => { Thread.Sleep(delays[i]); return i * 2; }, workers).ToList();

        Assert.Equal(Enumerable.Range(0, 60).Select(i => i * 2), results);
    }

    [Fact]
    public void Map_runs_items_at_once_with_several_workers()
    {
        int running = 0, most = 0;
        var results = BatchedInference.Map(Enumerable.Range(0, 8), i =>
        {
            int now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            Thread.Sleep(30);
            Interlocked.Decrement(ref running);
            return i;
        }, 2).ToList();

        Assert.Equal(8, results.Count);
        Assert.Equal(2, most);
    }

    [Fact]
    public void A_computation_error_surfaces_as_itself()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            BatchedInference.Map(Enumerable.Range(0, 20), i => i == 7 ? throw new InvalidDataException("item 7") : i, 2).ToList());
        Assert.Equal("item 7", error.Message);
    }

    [Fact]
    public void A_source_error_surfaces_as_itself()
    {
        static IEnumerable<int> Failing()
        {
            yield return 1;
            yield return 2;
            throw new FormatException("record 3");
        }

        var error = Assert.Throws<FormatException>(() => BatchedInference.Map(Failing(), i => i, 2).ToList());
        Assert.Equal("record 3", error.Message);
    }

    [Fact]
    public void Several_batches_at_once_predict_what_one_at_a_time_predicts()
    {
        using var model = Evaluating(TinyModels.Create(Architecture.RLstm, networks: 2, weightScale: 0.5));
        var random = new Random(9);
        var records = Enumerable.Range(0, 40).Select(i => new FastaRecord($"p{i}", "",
            new string(Enumerable.Range(0, random.Next(3, 90)).Select(_ => Residues.Standard[random.Next(20)]).ToArray()), i + 1)).ToList();

        var one = new PredictionPipeline(model, batchSize: 3, chunkProteins: 7, workers: 1).Predict(records).ToList();
        var three = new PredictionPipeline(model, batchSize: 3, chunkProteins: 7, workers: 3).Predict(records).ToList();

        Assert.Equal(records.Select(r => r.Id), three.Select(p => p.Id));
        for (int i = 0; i < records.Count; i++) Assert.Equal(one[i].Probabilities, three[i].Probabilities);
    }

    [Fact]
    public void Logits_are_the_same_with_several_batches_at_once()
    {
        using var model = Evaluating(TinyModels.Create(Architecture.ALstm, weightScale: 0.5));
        var sequences = Enumerable.Range(0, 25).Select(i => TinyModels.Sequence(5 + 3 * i, i)).ToList();

        TorchRuntime.Configure(1);
        var expected = ModelLogits.Compute(model, sequences, batchSize: 2);
        TorchRuntime.Configure(2, ThreadUse.AcrossBatches);
        try
        {
            Assert.Equal(2, TorchRuntime.InferenceWorkers);
            var actual = ModelLogits.Compute(model, sequences, batchSize: 2);
            for (int i = 0; i < sequences.Count; i++) Assert.Equal(expected[i].Locations[0], actual[i].Locations[0]);
        }
        finally
        {
            TorchRuntime.Configure(1);
        }
    }

    [Theory]
    [InlineData(2, ThreadUse.AcrossBatches, 2, 1)]
    [InlineData(16, ThreadUse.AcrossBatches, TorchRuntime.MaxInferenceWorkers, 2)]
    [InlineData(2, ThreadUse.WithinOperations, 1, 2)]
    public void Threads_go_to_batches_at_once_or_to_each_operation(int threads, ThreadUse use, int workers, int perOperation)
    {
        try
        {
            TorchRuntime.Configure(threads, use);
            Assert.Equal(workers, TorchRuntime.InferenceWorkers);
            Assert.Equal(perOperation, TorchSharp.torch.get_num_threads());
        }
        finally
        {
            TorchRuntime.Configure(1);
        }
    }

    [Fact]
    public void A_model_in_training_mode_runs_one_batch_at_a_time()
    {
        using var model = Evaluating(TinyModels.Create(Architecture.RLstm));
        Assert.Equal(4, BatchedInference.WorkersFor(model, 4));
        model.Networks[0].train();
        Assert.Equal(1, BatchedInference.WorkersFor(model, 4));
    }

    static TrainedModel Evaluating(TrainedModel model)
    {
        foreach (var network in model.Networks) network.eval();
        return model;
    }

    static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
