using LocSharp.Bench;
using Spectre.Console.Cli;

var app = new CommandApp();
app.SetDefaultCommand<PredictBenchmark>();
app.Configure(config =>
{
    config.SetApplicationName("locsharp-bench");
    config.AddCommand<ServeLoadTest>("serve").WithDescription("Load test of `locsharp serve`: concurrent clients posting FASTA.");
    config.AddCommand<TrainBenchmark>("train")
        .WithDescription("A training epoch against the bare forward+backward+step on the same batches, in residues/s.");
    config.AddCommand<ProfileBenchmark>("profile")
        .WithDescription("Proteins/s of the profile step with MMseqs2 and with PSI-BLAST on the same proteins, and their ratio.");
});
return app.Run(args);
