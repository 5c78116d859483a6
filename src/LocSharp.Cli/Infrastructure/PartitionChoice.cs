using LocSharp.Data;

namespace LocSharp.Cli.Infrastructure;

/// <summary>Which partitions of labelled data train and validate.</summary>
public sealed record PartitionChoice(LabelledDataSet Train, IReadOnlyList<string> TrainNames, LabelledDataSet? Validation)
{
    public const string TestPartition = LocSharp.Training.CrossValidationRun.TestPartition;

    /// <summary>
    /// Without a split, all data trains. With one, the named partitions train, or by default every partition but
    /// 'test' and the validation partition: test rows never train or select anything by default.
    /// </summary>
    public static PartitionChoice Training(LabelledDataSet data, string? trainList, string? validationPartition)
    {
        if (data.Partitions.Count == 0)
        {
            if (trainList != null || validationPartition != null)
                throw new UsageException("--train-partitions and --validation-partition need a split: give --split FILE.");
            return new PartitionChoice(data, [], null);
        }
        IReadOnlyList<string> trainNames = trainList != null
            ? trainList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : data.Partitions.Where(p => p != TestPartition && p != validationPartition).ToList();
        if (validationPartition != null && trainNames.Contains(validationPartition))
            throw new UsageException($"Partition '{validationPartition}' cannot both train and validate.");
        return new PartitionChoice(data.Select(trainNames), trainNames,
            validationPartition == null ? null : data.Select(validationPartition));
    }
}
