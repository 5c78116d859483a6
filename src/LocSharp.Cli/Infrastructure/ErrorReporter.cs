using LocSharp.Explain;
using LocSharp.Models;
using LocSharp.Profiles;
using LocSharp.Prediction;
using LocSharp.Sequences;
using LocSharp.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Infrastructure;

/// <summary>Turns an exception into one line on standard error and an exit code: the one mapping for every verb.</summary>
public static class ErrorReporter
{
    /// <summary>The exit code for <paramref name="exception"/> and the message to print (null: print nothing more).</summary>
    public static (int Code, string Message) Classify(Exception exception) => exception switch
    {
        OperationCanceledException => (ExitCodes.Cancelled, "cancelled."),
        // Library cases whose remedy is an option of the command line, which the library does not name.
        Evaluation.UnknownLocationException => (ExitCodes.InvalidInput, exception.Message + " Give it with --mapping."),
        CheckpointExistsException => (ExitCodes.InvalidInput, exception.Message + " --resume continues it."),
        InputException or ModelFileException or ProfileFormatException or ProfileToolException or PredictionTableException or TrainingException or ExplainException or OutputPathException
            => (ExitCodes.InvalidInput, exception.Message),
        // The environment: a missing, unreadable or unwritable file, a full disk, standard output closed.
        FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException or InvalidDataException
            => (ExitCodes.InvalidInput, exception.Message),
        UsageException or InvalidSettingException or CommandParseException or CommandRuntimeException
            => (ExitCodes.Usage, exception.Message),
        _ => (ExitCodes.InternalError, $"unexpected {exception.GetType().Name}: {exception.Message}\n{exception.StackTrace}"),
    };

    public static int Report(Exception exception, IAnsiConsole error)
    {
        var (code, message) = Classify(exception);
        if (code == ExitCodes.Cancelled && Interruption.Signal is string signal)
        {
            code = Interruption.ExitCode;
            message = $"cancelled ({signal}).";
            Interruption.Reported = true;
        }
        try
        {
            error.WriteLine($"locsharp: error: {message}", new Style(foreground: Color.Red));
        }
        catch (IOException)
        {
            // Standard error itself is gone: the exit code is all that is left to say it.
        }
        return code;
    }
}
