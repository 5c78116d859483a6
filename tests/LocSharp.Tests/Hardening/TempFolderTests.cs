namespace LocSharp.Tests.Hardening;

/// <summary>A test class with a temporary folder of its own, deleted after each test.</summary>
public abstract class TempFolderTests : IDisposable
{
    protected readonly TempDirectory directory = new();

    public void Dispose()
    {
        directory.Dispose();
        GC.SuppressFinalize(this);
    }
}
