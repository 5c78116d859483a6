using LocSharp.Profiles;
using LocSharp.Data;
using LocSharp.Explain;
using LocSharp.Models;
using LocSharp.Prediction;
using LocSharp.Sequences;
using LocSharp.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Infrastructure;

/// <summary>Turns an exception into one line on standard error and an exit code.</summary>
public static class ErrorReporter
{
    public static int Report(Exception exception, IAnsiConsole error)
    {
        var (code, message) = exception switch
        {
            FastaFormatException or LabelledDataException or ModelFileException or ProfileFormatException or TrainingException or ExplainException
                or PredictionTableException
                or FileNotFoundException or DirectoryNotFoundException or InvalidDataException
                => (ExitCodes.InvalidInput, exception.Message),
            CommandParseException or CommandRuntimeException or ArgumentException
                => (ExitCodes.Usage, exception.Message),
            OperationCanceledException => (ExitCodes.Cancelled, "cancelled."),
            _ => (ExitCodes.InternalError, $"unexpected {exception.GetType().Name}: {exception.Message}\n{exception.StackTrace}"),
        };
        error.WriteLine($"locsharp: error: {message}", new Style(foreground: Color.Red));
        return code;
    }
}
