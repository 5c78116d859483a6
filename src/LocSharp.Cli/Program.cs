using LocSharp.Cli.Infrastructure;
using Spectre.Console;

var cancellation = Interruption.Listen();
int code = CommandApplication.Run(args, CliEnvironment.FromProcess(), AnsiConsole.Console, cancellation);
try
{
    Console.Out.Flush();
}
catch (IOException e)
{
    // Standard output closed or full (> /dev/full): the results are lost, so say so rather than exit 0.
    Console.Error.WriteLine($"locsharp: error: cannot write standard output: {e.Message}");
    code = code == ExitCodes.Success ? ExitCodes.InvalidInput : code;
}
return Interruption.Finish(code, Console.Error);
