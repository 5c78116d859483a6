using LocSharp.Cli.Infrastructure;
using Spectre.Console;

return CommandApplication.Run(args, CliEnvironment.FromProcess(), AnsiConsole.Console);
