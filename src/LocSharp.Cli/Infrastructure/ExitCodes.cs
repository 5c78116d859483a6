namespace LocSharp.Cli.Infrastructure;

/// <summary>The exit codes of every verb (documented in the README).</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Bad input: a FASTA, labelled-data, split, model or checkpoint file that cannot be used.</summary>
    public const int InvalidInput = 1;

    /// <summary>Bad command line: an unknown verb or option, or a missing or malformed argument.</summary>
    public const int Usage = 2;

    /// <summary>An unexpected failure inside LocSharp.</summary>
    public const int InternalError = 3;

    /// <summary>Interrupted (Ctrl-C).</summary>
    public const int Cancelled = 130;
}
