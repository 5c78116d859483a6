using System.ComponentModel;
using LocSharp.Cli.Infrastructure;
using LocSharp.Cli.Settings;
using LocSharp.Models;
using LocSharp.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Commands;

/// <summary>`locsharp serve`: the prediction page and its JSON API on this computer.</summary>
public sealed class ServeCommand(CliEnvironment environment) : Command<ServeCommand.Settings>
{
    public sealed class Settings : NetworkSettings
    {
        [CommandOption("-m|--model <MODEL>")]
        [Description("Model file to offer; repeat for a menu (the first is the default). Default: the shipped model (" + ShippedModels.DefaultFileName + ").")]
        public string[] Models { get; init; } = [];

        [CommandOption("--host <ADDRESS>")]
        [Description("Address to listen on. The default is reachable from this computer only; 0.0.0.0 opens it to the network.")]
        [DefaultValue(ServeOptions.DefaultHost)]
        public string Host { get; init; } = ServeOptions.DefaultHost;

        [CommandOption("--port <PORT>")]
        [Description("Port to listen on (0 picks a free one).")]
        [DefaultValue(ServeOptions.DefaultPort)]
        public int Port { get; init; } = ServeOptions.DefaultPort;

        [CommandOption("--max-request-mb <MB>")]
        [Description("Largest request, in megabytes; a gzip upload may expand to ten times this.")]
        [DefaultValue(ServeOptions.DefaultMaxRequestMegabytes)]
        public int MaxRequestMegabytes { get; init; } = ServeOptions.DefaultMaxRequestMegabytes;

        [CommandOption("--max-proteins <N>")]
        [Description("Most proteins in one request.")]
        [DefaultValue(ServeOptions.DefaultMaxProteins)]
        public int MaxProteins { get; init; } = ServeOptions.DefaultMaxProteins;

        [CommandOption("--profiles-db <DATABASE>")]
        [Description("For profile models: compute each request's profiles against this protein database (FASTA, MMseqs2 or BLAST database) with the profile step, cached by sequence; --profile-tool picks the tool (default: the model's).")]
        public string? ProfilesDatabase { get; init; }

        [CommandOption("--parallel <N>")]
        [Description("Predictions that run the network at once; the default runs them one after another, each on all --threads.")]
        [DefaultValue(1)]
        public int Parallel { get; init; } = 1;

        public override ValidationResult Validate() =>
            Port is < 0 or > 65535 ? ValidationResult.Error($"--port must be between 0 and 65535, not {Port}.")
            : MaxRequestMegabytes < 1 ? ValidationResult.Error($"--max-request-mb must be at least 1, not {MaxRequestMegabytes}.")
            : MaxProteins < 1 ? ValidationResult.Error($"--max-proteins must be at least 1, not {MaxProteins}.")
            : Parallel < 1 ? ValidationResult.Error($"--parallel must be at least 1, not {Parallel}.")
            : ProfilesDatabase != null && (Profiles.Length > 0 || Database != null) ? ValidationResult.Error("Give --profiles or --profiles-db, not both.")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        Threads.Configure(settings.Threads, environment, ThreadUse.AcrossBatches);
        if (settings.Models.Length == 0 && !File.Exists(ShippedModels.DefaultPath))
            throw new ModelFileException(ShippedModels.DefaultPath, "the shipped model is missing from this build; pass a model with -m MODEL.");
        var options = new ServeOptions
        {
            Host = settings.Host,
            Port = settings.Port,
            ModelPaths = settings.Models.Length > 0 ? settings.Models : [ShippedModels.DefaultPath],
            Profiles = settings.LoadProfiles(),
            ProfileDatabase = settings.ProfilesDatabase ?? settings.Database,
            ProfileTool = settings.ProfileTool is string tool ? LocSharp.Profiles.ProfileTools.Parse(tool) : null,
            MaxRequestBytes = settings.MaxRequestMegabytes * 1024L * 1024,
            MaxProteins = settings.MaxProteins,
            ConcurrentPredictions = settings.Parallel,
        };
        using var app = WebServer.Create(options);
        try
        {
            app.StartAsync(cancellation).GetAwaiter().GetResult();
        }
        catch (IOException e) // Kestrel: the address is taken or cannot be bound
        {
            throw new UsageException($"cannot listen on {options.Host}:{options.Port} ({e.Message}); choose another --port or --host.");
        }
        var models = app.Services.GetRequiredService<ModelCatalog>().Models;
        if (options.Profiles is not null && !models.Any(m => m.Model.NeedsProfiles))
            environment.Error.WriteLine("warning: no model offered reads profiles; --profiles is ignored.");
        foreach (string address in WebServer.Addresses(app))
            environment.Out.WriteLine($"LocSharp serves {string.Join(", ", models.Select(m => m.Name))} at {address}/ (open it in a browser; Ctrl+C stops it)");
        environment.Out.Flush();
        app.WaitForShutdownAsync(cancellation).GetAwaiter().GetResult();
        return ExitCodes.Success;
    }
}
