using LocSharp.Data;
using LocSharp.Tests.Cli;

namespace LocSharp.Tests.Data;

/// <summary>The rule that 'test' never trains or validates unless named, now in the library.</summary>
public sealed class PartitionChoiceTests : IDisposable
{
    readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void By_default_every_partition_but_test_and_validation_trains()
    {
        var (fasta, split, _) = LabelledFiles.Write(directory);
        var data = LabelledDataReader.Read(fasta, split);

        var choice = PartitionChoice.Training(data, null, "fold3");

        Assert.Equal(["fold1", "fold2"], choice.TrainNames);
        Assert.DoesNotContain(choice.Train.Proteins, p => p.Partition is "test" or "fold3");
        Assert.NotEmpty(choice.Train.Proteins);
        Assert.All(choice.Validation!.Proteins, p => Assert.Equal("fold3", p.Partition));
    }

    [Fact]
    public void Partitions_without_a_split_or_one_that_trains_and_validates_are_setting_errors()
    {
        var (fasta, split, _) = LabelledFiles.Write(directory);
        Assert.Throws<InvalidSettingException>(() => PartitionChoice.Training(LabelledDataReader.Read(fasta), "fold1", null));
        Assert.Throws<InvalidSettingException>(() => PartitionChoice.Training(LabelledDataReader.Read(fasta, split), "fold1,fold2", "fold2"));
    }
}
