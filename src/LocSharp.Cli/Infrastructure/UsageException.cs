namespace LocSharp.Cli.Infrastructure;

/// <summary>A bad command line: an option's value, or options that do not go together (exit 2). The message names the option.</summary>
public sealed class UsageException(string message) : Exception(message);
