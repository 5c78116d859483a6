using LocSharp.Profiles;

namespace LocSharp.Web;

/// <summary>How `locsharp serve` runs: where it listens, which models it offers and the limits of a request.</summary>
public sealed record ServeOptions
{
    public const string DefaultHost = "127.0.0.1";
    public const int DefaultPort = 8080;
    public const int DefaultMaxRequestMegabytes = 10;
    public const int DefaultMaxProteins = 20_000;

    /// <summary>Address to listen on; the default is reachable from this computer only.</summary>
    public string Host { get; init; } = DefaultHost;

    /// <summary>Port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Model files offered, the first being the page's default. At least one.</summary>
    public IReadOnlyList<string> ModelPaths { get; init; } = [];

    /// <summary>Precomputed profiles of the proteins, for profile models (by protein ID and sequence).</summary>
    public ProfileSet? Profiles { get; init; }

    /// <summary>Instead of <see cref="Profiles"/>: a protein database the profile step computes each request's
    /// profiles against (cached by sequence), for profile models.</summary>
    public string? ProfileDatabase { get; init; }

    /// <summary>The profile step's settings for <see cref="ProfileDatabase"/>; the tool defaults to the model's.</summary>
    public ProfileTool? ProfileTool { get; init; }

    /// <summary>Largest request body, in bytes (413 beyond it).</summary>
    public long MaxRequestBytes { get; init; } = DefaultMaxRequestMegabytes * 1024L * 1024;

    /// <summary>Largest FASTA text a gzip upload may expand to, in bytes (413 beyond it).</summary>
    public long MaxUncompressedBytes => MaxRequestBytes * 10;

    /// <summary>Most proteins in one request (413 beyond it).</summary>
    public int MaxProteins { get; init; } = DefaultMaxProteins;

    /// <summary>Proteins per network batch.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Proteins predicted per turn at the network: a long job yields the network to other requests
    /// between slices, and its progress advances by slices.</summary>
    public int SliceProteins { get; init; } = 256;

    /// <summary>Predictions that may run the network at the same time (1 = one after another).</summary>
    public int ConcurrentPredictions { get; init; } = 1;

    /// <summary>How long a finished job's results stay available.</summary>
    public TimeSpan JobLifetime { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>A running job nobody has asked about for this long is cancelled: its client has gone.</summary>
    public TimeSpan JobAbandonedAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Most jobs held at once, running or finished (429 beyond it).</summary>
    public int MaxJobs { get; init; } = 64;
}
