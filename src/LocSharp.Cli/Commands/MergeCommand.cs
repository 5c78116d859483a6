using System.ComponentModel;
using LocSharp.Cli.Infrastructure;
using LocSharp.Prediction;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Commands;

/// <summary>`locsharp merge`: the predictions of consecutive parts of an input joined into the table of the whole.</summary>
public sealed class MergeCommand(CliEnvironment environment) : Command<MergeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<TABLE>")]
        [Description("Tables written by locsharp predict (CSV, TSV or JSON, all alike), in input order.")]
        public string[] Tables { get; init; } = [];

        [CommandOption("-o|--output <FILE>")]
        [Description("Write the merged table here (written completely or not at all), in the tables' format. Default: standard output.")]
        public string? Output { get; init; }

        public override ValidationResult Validate()
        {
            if (Tables.Length == 0) return ValidationResult.Error("Give the tables to merge.");
            OutputGuard.IsWritableFilePath(Output, "-o|--output");
            OutputGuard.NotAnInput(Output, "-o|--output", Tables);
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        if (settings.Output != null)
        {
            AtomicFile.Write(settings.Output, stream => PredictionTableMerger.Merge(settings.Tables, stream));
            return ExitCodes.Success;
        }
        using var buffer = new MemoryStream();
        PredictionTableMerger.Merge(settings.Tables, buffer);
        environment.Out.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        environment.Out.Flush();
        return ExitCodes.Success;
    }
}
