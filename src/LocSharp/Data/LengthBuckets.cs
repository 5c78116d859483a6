namespace LocSharp.Data;

/// <summary>
/// Groups proteins of similar length into batches so little of each batch is padding.
/// </summary>
public static class LengthBuckets
{
    /// <summary>
    /// Batches for inference: proteins sorted by length, longest first, cut into batches of at most
    /// <paramref name="batchSize"/> proteins and, when given, at most <paramref name="maxResidues"/> padded positions
    /// (batch size × longest protein), which bounds the memory of a batch of long proteins.
    /// </summary>
    public static List<int[]> Sorted(IReadOnlyList<int> lengths, int batchSize, int maxResidues = int.MaxValue)
    {
        var order = Enumerable.Range(0, lengths.Count).OrderByDescending(i => lengths[i]).ThenBy(i => i).ToArray();
        var batches = new List<int[]>();
        for (int start = 0; start < order.Length;)
        {
            int longest = Math.Max(1, lengths[order[start]]);
            int size = Math.Clamp(maxResidues / longest, 1, batchSize);
            size = Math.Min(size, order.Length - start);
            batches.Add(order[start..(start + size)]);
            start += size;
        }
        return batches;
    }

    /// <summary>
    /// Batches for training: shuffled, then sorted by length within pools of <paramref name="poolBatches"/> batches,
    /// cut into batches, and the batches shuffled. Each epoch (seeded differently) sees different neighbours.
    /// </summary>
    public static List<int[]> Shuffled(IReadOnlyList<int> lengths, int batchSize, Random random, int poolBatches = 50)
    {
        var order = Enumerable.Range(0, lengths.Count).ToArray();
        random.Shuffle(order);
        var batches = new List<int[]>();
        foreach (int[] pool in order.Chunk(batchSize * poolBatches))
            batches.AddRange(pool.OrderBy(i => lengths[i]).Chunk(batchSize));
        var shuffled = batches.ToArray();
        random.Shuffle(shuffled);
        return shuffled.ToList();
    }

    /// <summary>Padded positions over all positions when every batch pads to its longest protein.</summary>
    public static double PaddingFraction(IReadOnlyList<int> lengths, IEnumerable<int[]> batches)
    {
        long real = 0, total = 0;
        foreach (int[] batch in batches)
        {
            real += batch.Sum(i => (long)lengths[i]);
            total += batch.Length * (long)batch.Max(i => lengths[i]);
        }
        return total == 0 ? 0 : 1 - (double)real / total;
    }
}
