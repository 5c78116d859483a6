namespace LocSharp.Cli.Infrastructure;

/// <summary>The exit codes of every verb (documented in the README).</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Bad input or environment: a FASTA, labelled-data, split, model or checkpoint file that cannot be used,
    /// or a file that cannot be read or written (permission, full disk, a directory where a file belongs).</summary>
    public const int InvalidInput = 1;

    /// <summary>Bad command line: an unknown verb or option, or a missing or malformed argument.</summary>
    public const int Usage = 2;

    /// <summary>An unexpected failure inside LocSharp.</summary>
    public const int InternalError = 3;

    /// <summary>Interrupted (SIGINT, Ctrl-C): 128 + 2.</summary>
    public const int Cancelled = 130;

    /// <summary>Terminated (SIGTERM, e.g. a cluster's time limit): 128 + 15.</summary>
    public const int Terminated = 143;
}
