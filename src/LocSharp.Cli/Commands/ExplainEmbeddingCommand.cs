using LocSharp.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Commands;

public sealed class ExplainEmbeddingCommand(CliEnvironment environment) : Command<EmptyCommandSettings>
{
    public override int Execute(CommandContext context, EmptyCommandSettings settings, CancellationToken cancellation)
    {
        environment.Error.WriteLine("locsharp: this verb is not available yet.");
        return ExitCodes.Usage;
    }
}
