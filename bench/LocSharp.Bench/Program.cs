using LocSharp.Bench;
using Spectre.Console.Cli;

var app = new CommandApp<PredictBenchmark>();
app.Configure(config =>
{
    config.SetApplicationName("locsharp-bench");
    config.AddCommand<ProfileBenchmark>("profile")
        .WithDescription("Proteins/s of the profile step with MMseqs2 and with PSI-BLAST on the same proteins, and their ratio.");
});
return app.Run(args);
