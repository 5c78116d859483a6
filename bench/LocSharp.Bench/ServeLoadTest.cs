using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using LocSharp.Models;
using LocSharp.Sequences;
using Spectre.Console.Cli;

namespace LocSharp.Bench;

/// <summary>
/// A bounded load test of `locsharp serve`: starts the real program on a free port, then <c>--clients</c> clients
/// post <c>--requests</c> requests of <c>--proteins</c> proteins each (consecutive slices of the data set) to
/// <c>POST /api/predict</c>, as fast as answers come. Reports throughput, latency percentiles, errors and the
/// server's peak memory.
/// </summary>
public sealed class ServeLoadTest : Command<ServeLoadTest.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-m|--model <MODEL>")]
        [Description("Model the server loads. Default: the shipped model.")]
        public string? Model { get; init; }

        [CommandOption("--data <DIR>")]
        [Description("Folder of FASTA files the requests are cut from.")]
        [DefaultValue("../shared/data/multiloc")]
        public string Data { get; init; } = "../shared/data/multiloc";

        [CommandOption("--clients <N>")]
        [DefaultValue(8)]
        public int Clients { get; init; } = 8;

        [CommandOption("--requests <N>")]
        [DefaultValue(200)]
        public int Requests { get; init; } = 200;

        [CommandOption("--proteins <N>")]
        [Description("Proteins per request.")]
        [DefaultValue(50)]
        public int Proteins { get; init; } = 50;

        [CommandOption("--threads <N>")]
        [Description("The server's CPU threads (0 = one per core).")]
        [DefaultValue(0)]
        public int Threads { get; init; }

        [CommandOption("--parallel <N>")]
        [Description("The server's predictions at once (its --parallel).")]
        [DefaultValue(1)]
        public int Parallel { get; init; } = 1;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        string model = settings.Model ?? ShippedModels.DefaultPath;
        var records = Directory.GetFiles(settings.Data, "*.fasta").Order(StringComparer.Ordinal).SelectMany(FastaReader.Read).ToList();
        var bodies = Enumerable.Range(0, settings.Requests).Select(i => Body(records, i * settings.Proteins, settings.Proteins)).ToArray();
        long residues = Enumerable.Range(0, settings.Requests)
            .Sum(i => Enumerable.Range(0, settings.Proteins).Sum(k => (long)records[(i * settings.Proteins + k) % records.Count].Sequence.Length));

        using var server = StartServer(model, settings.Threads, settings.Parallel, out string url);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(10) };
            Post(client, bodies[0], settings.Proteins).GetAwaiter().GetResult(); // warm-up, not counted
            var latencies = new double[settings.Requests];
            var failures = new string?[settings.Requests];
            int next = -1;
            var clock = Stopwatch.StartNew();
            var clients = Enumerable.Range(0, settings.Clients).Select(_ => Task.Run(async () =>
            {
                for (int i; (i = Interlocked.Increment(ref next)) < settings.Requests;)
                {
                    var started = Stopwatch.GetTimestamp();
                    failures[i] = await Post(client, bodies[i], settings.Proteins);
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalSeconds;
                }
            })).ToArray();
            Task.WaitAll(clients, cancellation);
            double seconds = clock.Elapsed.TotalSeconds;
            long peak = PeakMemoryMiB(server);

            var sorted = latencies.Order().ToArray();
            int errors = failures.Count(f => f != null);
            Console.WriteLine($"server: {model}, --threads {settings.Threads} --parallel {settings.Parallel}; {settings.Clients} clients, {settings.Requests} requests of {settings.Proteins} proteins ({residues} residues in all)");
            Console.WriteLine($"wall {seconds:F1} s: {settings.Requests / seconds:F2} requests/s, {settings.Requests * settings.Proteins / seconds:F0} proteins/s, {residues / seconds:F0} residues/s");
            Console.WriteLine($"latency: p50 {Percentile(sorted, 50):F2} s, p90 {Percentile(sorted, 90):F2} s, p99 {Percentile(sorted, 99):F2} s, max {sorted[^1]:F2} s");
            Console.WriteLine($"errors: {errors}{(errors > 0 ? $" (first: {failures.First(f => f != null)})" : "")}");
            Console.WriteLine($"server peak memory (VmHWM): {peak} MiB");
            return errors == 0 ? 0 : 1;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
        }
    }

    static string Body(IReadOnlyList<FastaRecord> records, int start, int count)
    {
        var text = new StringBuilder();
        for (int k = 0; k < count; k++)
        {
            var record = records[(start + k) % records.Count];
            text.Append('>').Append(record.Id).Append('_').Append(k).Append('\n').Append(record.Sequence).Append('\n');
        }
        return text.ToString();
    }

    /// <returns>Null on success, else what went wrong.</returns>
    static async Task<string?> Post(HttpClient client, string body, int proteins)
    {
        try
        {
            using var response = await client.PostAsync("/api/predict", new StringContent(body, System.Text.Encoding.UTF8, "text/plain"));
            string text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) return $"{(int)response.StatusCode}: {text}";
            int rows = JsonDocument.Parse(text).RootElement.GetArrayLength();
            return rows == proteins ? null : $"{rows} predictions for {proteins} proteins";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>Starts `locsharp serve --port 0` and reads the address it prints.</summary>
    static Process StartServer(string model, int threads, int parallel, out string url)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { CliProcess.Program, "serve", "--port", "0", "-m", model, "--threads", threads.ToString(), "--parallel", parallel.ToString() })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var line = process.StandardOutput.ReadLineAsync();
        if (!line.Wait(TimeSpan.FromMinutes(2)) || line.Result is not { } printed || !printed.Contains(" at http"))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"locsharp serve did not print its address: {(line.IsCompleted ? line.Result : "(nothing in 2 minutes)")}");
        }
        url = printed.Split(" at ")[1].Split(' ')[0];
        return process;
    }

    static long PeakMemoryMiB(Process process)
    {
        string? line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:"));
        return line == null ? -1 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    static double Percentile(double[] sorted, double percent) => sorted[Math.Max(0, (int)Math.Ceiling(percent / 100 * sorted.Length) - 1)];
}
