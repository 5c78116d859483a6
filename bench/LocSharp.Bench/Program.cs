using LocSharp.Bench;
using Spectre.Console.Cli;

var app = new CommandApp<PredictBenchmark>();
app.Configure(config => config.SetApplicationName("locsharp-bench"));
return app.Run(args);
