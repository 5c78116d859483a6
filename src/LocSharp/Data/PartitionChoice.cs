namespace LocSharp.Data;

/// <summary>Which partitions of labelled data train and validate: the one place of the rule that 'test' never
/// trains or selects anything unless named.</summary>
public sealed record PartitionChoice(LabelledDataSet Train, IReadOnlyList<string> TrainNames, LabelledDataSet? Validation)
{
    /// <summary>The partition held out for the final test.</summary>
    public const string TestPartition = "test";

    /// <summary>
    /// Without a split, all data trains. With one, the named partitions train, or by default every partition but
    /// 'test' and the validation partition: test rows never train or select anything by default.
    /// </summary>
    /// <param name="trainList">Comma-separated partitions to train on, or null for the default.</param>
    /// <exception cref="InvalidSettingException">Partitions were named without a split, or one both trains and validates.</exception>
    public static PartitionChoice Training(LabelledDataSet data, string? trainList, string? validationPartition)
    {
        if (data.Partitions.Count == 0)
        {
            if (trainList != null || validationPartition != null)
                throw new InvalidSettingException("Training and validation partitions need a split: the data has none (give the split file).");
            return new PartitionChoice(data, [], null);
        }
        IReadOnlyList<string> trainNames = trainList != null
            ? trainList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : data.Partitions.Where(p => p != TestPartition && p != validationPartition).ToList();
        if (validationPartition != null && trainNames.Contains(validationPartition))
            throw new InvalidSettingException($"Partition '{validationPartition}' cannot both train and validate.");
        return new PartitionChoice(data.Select(trainNames), trainNames,
            validationPartition == null ? null : data.Select(validationPartition));
    }
}
