namespace LocSharp.Profiles;

/// <summary>One profile tool run over a few sequences at a time.</summary>
internal interface IProfiler
{
    /// <summary>The tool, its version and settings, for recipes and cache keys.</summary>
    string Settings { get; }

    /// <summary>Sequences per run of the tool: the unit of work a killed run loses.</summary>
    int ChunkSize { get; }

    /// <summary>The profiles of <paramref name="sequences"/> (upper case), in their order; residues are the sequences'.</summary>
    /// <param name="work">An empty folder for the tool's files.</param>
    IReadOnlyList<Profile> Compute(IReadOnlyList<string> sequences, string work, CancellationToken cancellation);
}
