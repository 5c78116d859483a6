using static TorchSharp.torch;

namespace LocSharp.Tests;

/// <summary>
/// Every test class that runs libtorch joins this collection, so those tests run one at a time: libtorch's random
/// generator and thread count are process-wide, and a seeded test must not share them with another test.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TorchCollection : ICollectionFixture<TorchCollection.Setup>
{
    public const string Name = "Torch";

    /// <summary>One libtorch thread: the tests' networks are tiny and the machine may be busy.</summary>
    public sealed class Setup
    {
        public Setup() => set_num_threads(1);
    }
}
