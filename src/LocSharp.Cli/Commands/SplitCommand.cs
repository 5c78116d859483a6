using System.ComponentModel;
using LocSharp.Cli.Infrastructure;
using LocSharp.Sequences;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Commands;

/// <summary>`locsharp split`: a FASTA file cut into N consecutive parts of similar residue count.</summary>
public sealed class SplitCommand(CliEnvironment environment) : Command<SplitCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<INPUT>")]
        [Description("FASTA file, plain or gzip (read twice, so not standard input).")]
        public string Input { get; init; } = "";

        [CommandOption("-n|--parts <N>")]
        [Description("Number of parts: part-1.fasta .. part-N.fasta (numbers zero-padded to the width of N).")]
        public int Parts { get; init; }

        [CommandOption("-o|--output <DIR>")]
        [Description("Folder to write the parts to (created if missing).")]
        public string Output { get; init; } = "";

        public override ValidationResult Validate()
        {
            if (Parts < 1) return ValidationResult.Error("Give the number of parts, at least 1, with -n|--parts <N>.");
            return string.IsNullOrWhiteSpace(Output) ? ValidationResult.Error("Give the folder to write the parts to with -o|--output <DIR>.") : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        foreach (var part in FastaSplitter.Split(settings.Input, settings.Parts, settings.Output))
            environment.Error.WriteLine($"wrote {part.Path}: {Count(part.Proteins, "protein")}, {Count(part.Residues, "residue")}");
        return ExitCodes.Success;
    }

    static string Count(long n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
