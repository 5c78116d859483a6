using LocSharp.Bench;
using Spectre.Console.Cli;

var app = new CommandApp();
app.SetDefaultCommand<PredictBenchmark>();
app.Configure(config =>
{
    config.SetApplicationName("locsharp-bench");
    config.AddCommand<ServeLoadTest>("serve").WithDescription("Load test of `locsharp serve`: concurrent clients posting FASTA.");
});
return app.Run(args);
