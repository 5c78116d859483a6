using System.Text;
using LocSharp.Cli.Infrastructure;
using Spectre.Console;

namespace LocSharp.Tests.Cli;

/// <summary>Runs the `locsharp` command in this process with captured standard streams.</summary>
static class CliRunner
{
    public sealed record Result(int Exit, string Out, string Error);

    public static Result Run(params string[] args) => RunWithInput(null, args);

    public static Result RunWithInput(byte[]? standardInput, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 10_000;
        var environment = new CliEnvironment(output, console,
            () => new MemoryStream(standardInput ?? System.Text.Encoding.ASCII.GetBytes("")), errorIsTerminal: false);
        int exit = CommandApplication.Run(args, environment, console);
        return new Result(exit, output.ToString(), error.ToString());
    }
}
