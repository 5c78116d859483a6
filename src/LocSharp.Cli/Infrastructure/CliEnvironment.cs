using LocSharp.Sequences;
using Spectre.Console;

namespace LocSharp.Cli.Infrastructure;

/// <summary>
/// Where a command reads and writes: results to <see cref="Out"/> (plain text, never wrapped or styled),
/// messages and progress to <see cref="Error"/>. Tests pass their own.
/// </summary>
public sealed class CliEnvironment(TextWriter output, IAnsiConsole error, Func<Stream> openStandardInput, bool errorIsTerminal)
{
    public TextWriter Out { get; } = output;
    public IAnsiConsole Error { get; } = error;
    public Func<Stream> OpenStandardInput { get; } = openStandardInput;

    /// <summary>The input a command-line argument names: standard input for '-', else the path. The one place
    /// where '-' is understood, so every verb reads it alike.</summary>
    public InputSource Input(string argument) => argument is FastaReader.StandardInput or FastaReader.StandardInputName
        ? InputSource.FromStream(FastaReader.StandardInputName, OpenStandardInput)
        : InputSource.FromPath(argument);

    /// <summary>Whether standard error is a terminal, where progress bars belong.</summary>
    public bool ErrorIsTerminal { get; } = errorIsTerminal;

    public static CliEnvironment FromProcess()
    {
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        // Redirected output (a log file, CI) must not be wrapped at Spectre's default 80 columns.
        if (Console.IsErrorRedirected) error.Profile.Width = 10_000;
        return new(new StandardOutput(Console.Out), error, Console.OpenStandardInput, !Console.IsErrorRedirected);
    }
}
