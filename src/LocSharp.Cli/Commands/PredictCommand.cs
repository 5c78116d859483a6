using System.ComponentModel;
using System.Diagnostics;
using LocSharp.Cli.Infrastructure;
using LocSharp.Cli.Settings;
using LocSharp.Prediction;
using LocSharp.Sequences;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Commands;

/// <summary>`locsharp predict`: a FASTA file in, a table of locations out.</summary>
public sealed class PredictCommand(CliEnvironment environment) : Command<PredictCommand.Settings>
{
    public sealed class Settings : ModelSettings
    {
        [CommandArgument(0, "<INPUT>")]
        [Description("FASTA file, plain or gzip, or - for standard input.")]
        public string Input { get; init; } = "";

        [CommandOption("-o|--output <FILE>")]
        [Description("Write the table here (written completely or not at all). Default: standard output.")]
        public string? Output { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("csv, tsv or json. Default: from the output file's extension, else csv.")]
        public string? Format { get; init; }

        [CommandOption("--batch-size <N>")]
        [Description("Proteins per network batch.")]
        [DefaultValue(64)]
        public int BatchSize { get; init; } = 64;

        [CommandOption("--allow-nucleotides")]
        [Description("Predict records that look like DNA or RNA (90 % or more A/C/G/T/U/N) instead of refusing them.")]
        public bool AllowNucleotides { get; init; }

        [CommandOption("--uncalibrated")]
        [Description("Report the networks' raw probabilities, ignoring the temperature the model file carries.")]
        public bool Uncalibrated { get; init; }

        [CommandOption("--stats")]
        [Description("Print proteins, residues, time and peak memory to standard error at the end.")]
        public bool Stats { get; init; }

        public PredictionFormat ResolveFormat() => (Format ?? Path.GetExtension(Output ?? "").TrimStart('.')).ToLowerInvariant() switch
        {
            "csv" or "" => PredictionFormat.Csv,
            "tsv" or "tab" or "txt" => PredictionFormat.Tsv,
            "json" => PredictionFormat.Json,
            var other when Format != null => throw new UsageException($"--format must be csv, tsv or json, not '{other}'."),
            _ => PredictionFormat.Csv,
        };

        public override ValidationResult Validate()
        {
            if (BatchSize < 1) return ValidationResult.Error($"--batch-size must be at least 1, not {BatchSize}.");
            OutputGuard.IsWritableFilePath(Output, "-o|--output");
            OutputGuard.NotAnInput(Output, "-o|--output", Input, ModelPath);
            ResolveFormat();
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var format = settings.ResolveFormat();
        Threads.Configure(settings.Threads, environment, ThreadUse.AcrossBatches);
        using var model = settings.LoadModel();
        if (settings.Uncalibrated) model.Calibration = null;
        var records = FastaReader.Read(environment.Input(settings.Input), settings.AllowNucleotides);
        if (settings.Database != null && model.NeedsProfiles) records = records.ToList(); // read twice: profiles, then predictions
        var pipeline = new PredictionPipeline(model, settings.BatchSize, profiles: settings.ProfilesFor(model, settings.ModelPath, environment, records, cancellation));
        long proteins = 0, residues = 0;

        void WriteAll(TextWriter output, IProgress<long>? progress)
        {
            using var writer = PredictionWriter.Create(output, format, model.Locations, model.PredictsMembrane);
            foreach (var prediction in pipeline.Predict(records, cancellation, progress))
            {
                writer.Write(prediction);
                proteins++;
                residues += prediction.Length;
            }
            writer.Complete();
        }

        bool Run(IProgress<long>? progress)
        {
            if (settings.Output == null) WriteAll(environment.Out, progress);
            else AtomicFile.Write(settings.Output, stream =>
            {
                using var text = new StreamWriter(stream, leaveOpen: true);
                WriteAll(text, progress);
            });
            return true;
        }

        // The total for the progress display: a second pass over a file is cheap next to the network (standard
        // input can be read once only, so there the count and rate show without a total).
        var source = environment.Input(settings.Input);
        long? total = !environment.ErrorIsTerminal ? null
            : records is ICollection<FastaRecord> held ? held.Count
            : source.Path != null ? FastaReader.Read(source, settings.AllowNucleotides).LongCount() : null;
        ProteinProgress.Run(environment, "predicting", total, Run);

        if (settings.Stats)
            environment.Error.WriteLine($"predicted {proteins} proteins ({residues} residues) in {clock.Elapsed.TotalSeconds:F2} s; " +
                $"peak memory {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
        return ExitCodes.Success;
    }
}
