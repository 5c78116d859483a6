namespace LocSharp.Tests;

public sealed class AtomicFileTests : IDisposable
{
    readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Removing_leftovers_deletes_only_the_temporary_files_of_writes_of_that_path()
    {
        string target = directory.Write("run.checkpoint", "the checkpoint");
        string leftover = directory.Write($".run.checkpoint.{Guid.NewGuid():N}.tmp", "half a write");
        string[] others =
        [
            directory.Write($".other.checkpoint.{Guid.NewGuid():N}.tmp", "another file's write"),
            directory.Write(".run.checkpoint.notes.tmp", "not a temporary file name of AtomicFile"),
            directory.Write("run.checkpoint.lock", ""),
        ];

        AtomicFile.RemoveLeftovers(target);

        Assert.False(File.Exists(leftover));
        Assert.Equal("the checkpoint", File.ReadAllText(target));
        Assert.All(others, file => Assert.True(File.Exists(file), file));
    }

    [Fact]
    public void A_write_leaves_no_temporary_file_beside_its_target()
    {
        string target = directory.Path("out.txt");

        AtomicFile.WriteAllText(target, "whole");

        Assert.Equal("whole", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(directory.Root));
    }
}
