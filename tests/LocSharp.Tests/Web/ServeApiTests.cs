using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LocSharp.Cli.Infrastructure;
using LocSharp.Models;
using LocSharp.Tests.Cli;
using LocSharp.Web;

namespace LocSharp.Tests.Web;

/// <summary>`locsharp serve`'s JSON API in memory: predict's contract, the models, jobs, evidence.</summary>
[Collection(TorchCollection.Name)]
public sealed class ServeApiTests(ServeModels models) : IClassFixture<ServeModels>
{
    static readonly string Example = Repository.Path("examples", "proteins.fasta");

    ServeFactory Serve(params string[] paths) => new(new ServeOptions { ModelPaths = paths });

    static StringContent Fasta(string text) => new(text, System.Text.Encoding.UTF8, "text/plain");

    static string Predict(params string[] args)
    {
        var result = CliRunner.Run(["predict", .. args]);
        Assert.True(result.Exit == ExitCodes.Success, result.Error);
        return result.Out;
    }

    [Fact]
    public async Task Predict_answers_with_predicts_json_array()
    {
        using var serve = Serve(models.ALstm);
        using var client = serve.CreateClient();

        var response = await client.PostAsync("/api/predict", Fasta(File.ReadAllText(Example)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Predict(Example, "-m", models.ALstm, "--format", "json"), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("tsv")]
    public async Task Predict_answers_in_the_format_asked_for(string format)
    {
        using var serve = Serve(models.RLstm);
        using var client = serve.CreateClient();

        var response = await client.PostAsync($"/api/predict?format={format}", Fasta(File.ReadAllText(Example)));

        Assert.Equal(Predict(Example, "-m", models.RLstm, "--format", format), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_gzip_file_in_a_multipart_form_gives_the_same_answer()
    {
        using var serve = Serve(models.RLstm);
        using var client = serve.CreateClient();
        using var gzip = new MemoryStream();
        using (var compress = new GZipStream(gzip, CompressionLevel.Fastest, leaveOpen: true))
            compress.Write(File.ReadAllBytes(Example));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(gzip.ToArray()), FastaUpload.FileField, "proteins.fasta.gz" } };

        var response = await client.PostAsync("/api/predict", form);

        Assert.Equal(Predict(Example, "-m", models.RLstm, "--format", "json"), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_model_menu_chooses_the_model_and_a_membrane_model_gives_the_membrane_field()
    {
        using var serve = Serve(models.RLstm, models.Membrane);
        using var client = serve.CreateClient();

        var response = await client.PostAsync("/api/predict?model=tiny-deeploc", Fasta(File.ReadAllText(Example)));

        string json = await response.Content.ReadAsStringAsync();
        Assert.Equal(Predict(Example, "-m", models.Membrane, "--format", "json"), json);
        Assert.All(JsonDocument.Parse(json).RootElement.EnumerateArray(), row => Assert.InRange(row.GetProperty("membrane").GetDouble(), 0, 1));
    }

    [Fact]
    public async Task A_profile_model_reads_the_servers_profiles_like_predict_does()
    {
        string profiles = models.WriteProfiles("examples.profiles.tsv", LocSharp.Sequences.FastaReader.Read(Example));
        using var serve = new ServeFactory(new ServeOptions { ModelPaths = [models.Profile], Profiles = LocSharp.Profiles.ProfileTsvReader.Read(profiles) });
        using var client = serve.CreateClient();

        var response = await client.PostAsync("/api/predict?format=csv", Fasta(File.ReadAllText(Example)));
        Assert.Equal(Predict(Example, "-m", models.Profile, "--profiles", profiles), await response.Content.ReadAsStringAsync());

        var missing = await client.PostAsync("/api/predict", Fasta(">unknown\nMKVLA\n"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        string error = JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!;
        Assert.True(error.StartsWith($"{profiles}, protein unknown: no profile for this protein"), error);
    }

    [Fact]
    public async Task A_profile_model_without_profiles_is_refused_saying_how_to_start_the_server()
    {
        using var serve = Serve(models.Profile);
        using var client = serve.CreateClient();

        var response = await client.PostAsync("/api/jobs", Fasta(File.ReadAllText(Example)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("start it with --profiles FILE", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Models_lists_each_models_locations_and_outputs()
    {
        using var serve = Serve(models.RLstm, models.Membrane);
        using var client = serve.CreateClient();

        var list = JsonDocument.Parse(await client.GetStringAsync("/api/models")).RootElement.EnumerateArray().ToArray();

        Assert.Equal(["tiny-rlstm", "tiny-deeploc"], list.Select(m => m.GetProperty("name").GetString()));
        Assert.Equal(TinyModels.Locations, list[0].GetProperty("locations").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(ServeModels.DeepLocLocations, list[1].GetProperty("locations").EnumerateArray().Select(l => l.GetString()));
        Assert.False(list[0].GetProperty("membrane").GetBoolean());
        Assert.True(list[1].GetProperty("membrane").GetBoolean());
        Assert.False(list[0].GetProperty("attention").GetBoolean());
        Assert.True(list[1].GetProperty("attention").GetBoolean());
        Assert.All(list, m => Assert.False(m.GetProperty("needs_profiles").GetBoolean()));
    }

    [Fact]
    public async Task The_page_and_its_files_are_served_from_the_assembly()
    {
        using var serve = Serve(models.RLstm);
        using var client = serve.CreateClient();

        var page = await client.GetAsync("/");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        string html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"app.js\"></script>", html);
        Assert.DoesNotContain("http", html.Replace("http://www.w3.org", "")); // nothing from the network: works offline
        Assert.Equal("text/javascript", (await client.GetAsync("/app.js")).Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/css", (await client.GetAsync("/style.css")).Content.Headers.ContentType?.MediaType);
        Assert.Equal("ok", JsonDocument.Parse(await client.GetStringAsync("/healthz")).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_job_reports_progress_then_results_downloads_and_evidence()
    {
        using var serve = new ServeFactory(new ServeOptions { ModelPaths = [models.ALstm], SliceProteins = 1 });
        using var client = serve.CreateClient();

        var started = await client.PostAsync("/api/jobs", Fasta(File.ReadAllText(Example)));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal($"/api/jobs/{job.GetProperty("id").GetString()}", started.Headers.Location?.OriginalString);
        Assert.Equal(4, job.GetProperty("total").GetInt32());
        var done = await JobPolling.UntilFinishedAsync(client, started.Headers.Location!.OriginalString);

        Assert.Equal("done", done.GetProperty("status").GetString());
        Assert.Equal(4, done.GetProperty("done").GetInt32());
        string json = Predict(Example, "-m", models.ALstm, "--format", "json");
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(json),
            System.Text.Json.Nodes.JsonNode.Parse(done.GetProperty("results").GetRawText())), "the job's results are predict's JSON");
        string location = started.Headers.Location!.OriginalString;
        var csv = await client.GetAsync($"{location}/results?format=csv");
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("locsharp-tiny-alstm.csv", csv.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(Predict(Example, "-m", models.ALstm), await csv.Content.ReadAsStringAsync());
        Assert.Equal(json, await client.GetStringAsync($"{location}/results?format=json"));

        var evidence = JsonDocument.Parse(await client.GetStringAsync($"{location}/proteins/2/evidence")).RootElement;
        Assert.Equal("P04179", evidence.GetProperty("protein_id").GetString());
        var track = evidence.GetProperty("track");
        var weights = track.GetProperty("weights").EnumerateArray().Select(w => w.GetDouble()).ToArray();
        Assert.Equal(50, weights.Length); // the tiny model reads 50 residues: 25 from each end
        Assert.Equal(1.0, weights.Sum(), 3);
        var positions = track.GetProperty("positions").EnumerateArray().Select(p => p.GetInt32()).ToArray();
        int length = evidence.GetProperty("length").GetInt32();
        Assert.Equal([.. Enumerable.Range(1, 25), .. Enumerable.Range(length - 24, 25)], positions);
        string sequence = LocSharp.Sequences.FastaReader.Read(Example).ElementAt(2).Sequence;
        Assert.Equal(sequence[..25] + sequence[^25..], track.GetProperty("residues").GetString());
    }

    /// <summary>Submits the example proteins as a job, waits for it, and returns protein <paramref name="index"/>'s evidence.</summary>
    static async Task<JsonElement> ExampleEvidenceAsync(ServeFactory serve, int index, string query = "")
    {
        using var client = serve.CreateClient();
        var started = await client.PostAsync("/api/jobs", Fasta(File.ReadAllText(Example)));
        await JobPolling.UntilFinishedAsync(client, started.Headers.Location!.OriginalString);
        return JsonDocument.Parse(await client.GetStringAsync($"{started.Headers.Location}/proteins/{index}/evidence{query}")).RootElement.Clone();
    }

    [Fact]
    public async Task An_ensemble_of_an_r_lstm_and_an_a_lstm_draws_its_a_lstm_and_names_it()
    {
        using var folder = new TempDirectory();
        string path = folder.Path("pair.lsm");
        using (var r = ModelFile.Load(models.RLstm))
        using (var a = ModelFile.Load(models.ALstm))
            ModelFile.Save(TrainedModel.Ensemble([r, a]), path);
        using var serve = Serve(path);
        var evidence = await ExampleEvidenceAsync(serve, 2);

        var track = evidence.GetProperty("track");
        Assert.Equal("pair's A-LSTM (network 2 of 2)", track.GetProperty("network").GetString());
        Assert.Equal(1.0, track.GetProperty("weights").EnumerateArray().Sum(w => w.GetDouble()), 3);

        // The whole ensemble's evidence on request, and a wrong kind refused.
        var whole = (await ExampleEvidenceAsync(serve, 2, "?track=attribution")).GetProperty("track");
        Assert.Equal(("attribution", "pair"), (whole.GetProperty("kind").GetString(), whole.GetProperty("network").GetString()));
        using var client = serve.CreateClient();
        var wrong = await client.GetAsync("/api/jobs/none/proteins/0/evidence?track=heat");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("track=attribution", await wrong.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_r_lstm_gets_the_attribution_of_its_call_which_sums_to_the_probabilitys_rise()
    {
        using var serve = Serve(models.RLstm);
        var evidence = await ExampleEvidenceAsync(serve, 0);

        var track = evidence.GetProperty("track");
        Assert.Equal("attribution", track.GetProperty("kind").GetString());
        Assert.Equal("tiny-rlstm", track.GetProperty("network").GetString());
        Assert.Equal(evidence.GetProperty("location").GetString(), track.GetProperty("location").GetString());
        var weights = track.GetProperty("weights").EnumerateArray().Select(w => w.GetDouble()).ToArray();
        Assert.Equal(track.GetProperty("residues").GetString()!.Length, weights.Length);
        Assert.True(Math.Abs(weights.Sum() - track.GetProperty("probability_change").GetDouble()) <= 0.05 + 1e-3, "completeness within the refinement's tolerance");
        Assert.Equal(TinyModels.Locations, evidence.GetProperty("probabilities").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_profile_model_has_no_track_and_says_why()
    {
        string profiles = models.WriteProfiles("evidence.profiles.tsv", LocSharp.Sequences.FastaReader.Read(Example));
        using var serve = new ServeFactory(new ServeOptions { ModelPaths = [models.Profile], Profiles = LocSharp.Profiles.ProfileTsvReader.Read(profiles) });
        var evidence = await ExampleEvidenceAsync(serve, 0);

        Assert.False(evidence.TryGetProperty("track", out _));
        Assert.Contains("profiles", evidence.GetProperty("track_unavailable").GetString());
    }

    [Fact]
    public async Task Concurrent_requests_get_the_answers_of_sequential_ones()
    {
        var records = LocSharp.Sequences.FastaReader.Read(Example).ToList();
        // Eight inputs: every protein alone, and the four in four different orders.
        var inputs = records.Select(r => new[] { r })
            .Concat(Enumerable.Range(0, 4).Select(k => records.Skip(k).Concat(records.Take(k)).ToArray()))
            .Select(rs => string.Concat(rs.Select(r => $">{r.Id}\n{r.Sequence}\n"))).ToArray();
        foreach (int concurrent in new[] { 1, 2 })
        {
            using var serve = new ServeFactory(new ServeOptions { ModelPaths = [models.ALstm], ConcurrentPredictions = concurrent, SliceProteins = 1 });
            using var client = serve.CreateClient();
            var sequential = new List<string>();
            foreach (string input in inputs) sequential.Add(await (await client.PostAsync("/api/predict", Fasta(input))).Content.ReadAsStringAsync());

            var parallel = await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => inputs).Select(async input =>
                await (await client.PostAsync("/api/predict", Fasta(input))).Content.ReadAsStringAsync()));

            Assert.Equal(Enumerable.Range(0, 3).SelectMany(_ => sequential), parallel);
        }
    }

    [Fact]
    public async Task A_client_that_goes_away_cancels_its_prediction()
    {
        using var serve = Serve(models.RLstm);
        using var client = serve.CreateClient();
        var service = serve.Service<PredictionService>();
        using var request = new CancellationTokenSource();
        Task<HttpResponseMessage> waiting;
        using (await service.HoldNetworkAsync())
        {
            waiting = client.PostAsync("/api/predict", Fasta(File.ReadAllText(Example)), request.Token);
            await Eventually(() => service.InFlight == 1);
            request.Cancel();
            await Eventually(() => service.Cancelled == 1);
        }
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, service.InFlight);

        var next = await client.PostAsync("/api/predict", Fasta(File.ReadAllText(Example)));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Deleting_a_running_job_cancels_it()
    {
        using var serve = Serve(models.RLstm);
        using var client = serve.CreateClient();
        var service = serve.Service<PredictionService>();
        string location;
        using (await service.HoldNetworkAsync())
        {
            var started = await client.PostAsync("/api/jobs", Fasta(File.ReadAllText(Example)));
            location = started.Headers.Location!.OriginalString;
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(location)).StatusCode);
            await Eventually(() => service.Cancelled == 1);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(location)).StatusCode);
    }

    static async Task Eventually(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition(), "the condition did not hold within 5 s");
    }
}
