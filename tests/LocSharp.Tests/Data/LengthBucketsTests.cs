using LocSharp.Data;
using LocSharp.Encoding;

namespace LocSharp.Tests.Data;

public class LengthBucketsTests
{
    /// <summary>
    /// Lengths distributed like MultiLoc's (log-normal, median 393, 13 to 5430), cut to 1000 as training does.
    /// </summary>
    static List<int> MultiLocLikeLengths(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            double normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            int length = (int)Math.Clamp(Math.Round(393 * Math.Exp(0.75 * normal)), 13, 5430);
            return Math.Min(length, Truncation.DefaultMaxLength);
        }).ToList();
    }

    static readonly List<int> Lengths = MultiLocLikeLengths(4001, seed: 11);

    static void AssertCoversEveryIndexOnce(IReadOnlyList<int[]> batches, int count, int batchSize)
    {
        int[] all = batches.SelectMany(b => b).ToArray();
        Assert.Equal(count, all.Length);
        Assert.Equal(Enumerable.Range(0, count), all.Order());
        Assert.All(batches, b => Assert.InRange(b.Length, 1, batchSize));
    }

    [Fact]
    public void Sorted_covers_every_protein_once_longest_first_in_full_batches()
    {
        var batches = LengthBuckets.Sorted(Lengths, 32);

        AssertCoversEveryIndexOnce(batches, Lengths.Count, 32);
        int[] order = batches.SelectMany(b => b).ToArray();
        for (int i = 1; i < order.Length; i++)
        {
            Assert.True(Lengths[order[i - 1]] >= Lengths[order[i]], $"position {i}: {Lengths[order[i - 1]]} before {Lengths[order[i]]}");
            if (Lengths[order[i - 1]] == Lengths[order[i]]) Assert.True(order[i - 1] < order[i], "ties keep input order");
        }
        Assert.All(batches.SkipLast(1), b => Assert.Equal(32, b.Length));
        Assert.Equal(Lengths.Count % 32 == 0 ? 32 : Lengths.Count % 32, batches[^1].Length);
        Assert.Equal((Lengths.Count + 31) / 32, batches.Count);
    }

    [Fact]
    public void Sorted_keeps_each_batch_within_the_residue_cap_so_long_proteins_go_in_small_batches()
    {
        int[] lengths = [1000, 40, 900, 10, 1000, 300, 5, 260, 700];

        var batches = LengthBuckets.Sorted(lengths, batchSize: 4, maxResidues: 2000);

        // Longest first: 1000, 1000 | 900, 700 | 300, 260, 40, 10 | 5; each batch's size × longest ≤ 2000.
        Assert.Equal([[0, 4], [2, 8], [5, 7, 1, 3], [6]], batches);
        Assert.All(batches, b => Assert.True(b.Length * b.Max(i => lengths[i]) <= 2000));
    }

    [Fact]
    public void Sorted_puts_a_protein_longer_than_the_cap_in_a_batch_of_its_own()
    {
        Assert.Equal([[1], [0]], LengthBuckets.Sorted([3, 50], batchSize: 8, maxResidues: 20));
    }

    [Fact]
    public void Sorted_handles_fewer_proteins_than_a_batch()
    {
        var batches = LengthBuckets.Sorted([5, 9, 1], 32);
        Assert.Single(batches);
        Assert.Equal([1, 0, 2], batches[0]);
    }

    [Fact]
    public void Shuffled_covers_every_protein_once()
    {
        AssertCoversEveryIndexOnce(LengthBuckets.Shuffled(Lengths, 32, new Random(1)), Lengths.Count, 32);
        AssertCoversEveryIndexOnce(LengthBuckets.Shuffled(Lengths, 7, new Random(2), poolBatches: 3), Lengths.Count, 7);
    }

    [Fact]
    public void Shuffled_is_the_same_for_the_same_seed_and_different_for_another()
    {
        var first = LengthBuckets.Shuffled(Lengths, 32, new Random(5));
        var again = LengthBuckets.Shuffled(Lengths, 32, new Random(5));
        var other = LengthBuckets.Shuffled(Lengths, 32, new Random(6));

        Assert.Equal(first.Count, again.Count);
        for (int i = 0; i < first.Count; i++) Assert.Equal(first[i], again[i]);
        Assert.NotEqual(first.SelectMany(b => b), other.SelectMany(b => b));
        // Not just the batch order: other neighbours in the batches.
        var firstPairs = first.Select(b => string.Join(",", b.Order())).ToHashSet();
        Assert.True(other.Count(b => firstPairs.Contains(string.Join(",", b.Order()))) < other.Count / 10);
    }

    [Fact]
    public void Shuffled_batches_hold_proteins_of_similar_length_so_little_is_padding()
    {
        var random = new Random(3);
        int[] randomOrder = Enumerable.Range(0, Lengths.Count).ToArray();
        random.Shuffle(randomOrder);
        double randomPadding = LengthBuckets.PaddingFraction(Lengths, randomOrder.Chunk(32));
        double bucketedPadding = LengthBuckets.PaddingFraction(Lengths, LengthBuckets.Shuffled(Lengths, 32, new Random(3)));

        Assert.True(randomPadding > 0.4, $"random batches pad {randomPadding:P1}");
        Assert.True(bucketedPadding < 0.05, $"length-bucketed batches pad {bucketedPadding:P1}");
    }

    [Fact]
    public void PaddingFraction_counts_positions_up_to_each_batch_longest()
    {
        int[] lengths = [10, 5, 4, 4];
        Assert.Equal(1 - 23.0 / 28, LengthBuckets.PaddingFraction(lengths, [[0, 1], [2, 3]]), 12); // 20 + 8 positions
        Assert.Equal(0.0, LengthBuckets.PaddingFraction(lengths, [[2, 3], [0], [1]]));
        Assert.Equal(0.0, LengthBuckets.PaddingFraction(lengths, []));
    }
}
