using System.IO.Compression;
using System.Net;
using System.Text.Json;
using LocSharp.Cli.Infrastructure;
using LocSharp.Tests.Cli;
using LocSharp.Web;

namespace LocSharp.Tests.Web;

/// <summary>Bad and oversized requests: 400 with the CLI's message, 413 naming the limit, 404, all as <c>{ "error" }</c>.</summary>
[Collection(TorchCollection.Name)]
public sealed class ServeErrorTests(ServeModels models) : IClassFixture<ServeModels>
{
    static async Task<(HttpStatusCode Status, string Error)> Refused(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (response.StatusCode, body.GetProperty("error").GetString()!);
    }

    async Task<(HttpStatusCode Status, string Error)> Post(string path, HttpContent content, ServeOptions? options = null)
    {
        using var serve = new ServeFactory(options ?? new ServeOptions { ModelPaths = [models.RLstm] });
        using var client = serve.CreateClient();
        return await Refused(await client.PostAsync(path, content));
    }

    static StringContent Text(string text) => new(text, System.Text.Encoding.UTF8, "text/plain");

    /// <summary>The message `locsharp predict -` gives for <paramref name="fasta"/> on standard input.</summary>
    string CliError(string fasta)
    {
        var result = CliRunner.RunWithInput(System.Text.Encoding.UTF8.GetBytes(fasta), "predict", "-", "-m", models.RLstm);
        Assert.Equal(ExitCodes.InvalidInput, result.Exit);
        return result.Error.Trim().Replace("locsharp: error: ", "");
    }

    [Theory]
    [InlineData("this is not FASTA\n")]
    [InlineData(">P1\nMKV1LA\n")]
    [InlineData(">P1\nMKVLA\n>P1\nMKVLA\n")]
    [InlineData(">P1\n>P2\nMKV\n")]
    [InlineData("")]
    public async Task Bad_fasta_is_a_400_with_the_clis_message(string fasta)
    {
        var (status, error) = await Post("/api/predict", Text(fasta));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(CliError(fasta).Replace("<stdin>", "request body"), error);
    }

    [Fact]
    public async Task A_wrong_residue_names_the_record_and_line()
    {
        var (status, error) = await Post("/api/jobs", Text(">good\nMKVLA\n>bad one\nMKV\nLAJ7\n"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("request body line 5 (record bad): ", error);
    }

    [Fact]
    public async Task Pasted_text_is_named_so_in_errors()
    {
        using var form = new MultipartFormDataContent { { new StringContent(">x\nMK-V\n"), FastaUpload.TextField } };

        var (status, error) = await Post("/api/jobs", form);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("pasted text line 2 (record x): ", error);
    }

    [Fact]
    public async Task A_form_without_fasta_is_a_400()
    {
        using var form = new MultipartFormDataContent { { new StringContent("x"), "other" } };

        var (status, error) = await Post("/api/predict", form);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'file'", error);
    }

    [Fact]
    public async Task An_unknown_model_or_format_is_a_400_naming_the_choices()
    {
        var (status, error) = await Post("/api/predict?model=nope", Text(">a\nMKV\n"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("no model named 'nope'; the models are tiny-rlstm.", error);

        (status, error) = await Post("/api/predict?format=xml", Text(">a\nMKV\n"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("format must be csv, tsv or json, not 'xml'.", error);
    }

    [Fact]
    public async Task A_request_over_the_size_limit_is_a_413_naming_the_limit()
    {
        var options = new ServeOptions { ModelPaths = [models.RLstm], MaxRequestBytes = 1024 * 1024 };
        string big = ">a\n" + new string('M', 1024 * 1024) + "\n";

        var (status, error) = await Post("/api/predict", Text(big), options);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("the request is larger than 1 MB, the limit (--max-request-mb); split the input or raise the limit.", error);
    }

    [Fact]
    public async Task A_body_without_a_length_is_bounded_too()
    {
        var options = new ServeOptions { ModelPaths = [models.RLstm], MaxRequestBytes = 1024 * 1024 };
        var content = new StreamContent(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(">a\n" + new string('M', 2 * 1024 * 1024) + "\n")));
        content.Headers.ContentLength = null; // chunked: the limit must hold while reading

        var (status, error) = await Post("/api/predict", content, options);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("--max-request-mb", error);
    }

    [Fact]
    public async Task Gzip_that_expands_past_ten_times_the_limit_is_a_413()
    {
        var options = new ServeOptions { ModelPaths = [models.RLstm], MaxRequestBytes = 1024 * 1024 };
        using var gzip = new MemoryStream();
        using (var compress = new GZipStream(gzip, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            // Many proteins of 6,000 residues, so no single sequence reaches the reader's own length cap first.
            var line = System.Text.Encoding.ASCII.GetBytes(new string('M', 60) + "\n");
            for (int i = 0; i < 11 * 1024 * 1024 / line.Length; i++)
            {
                if (i % 100 == 0) compress.Write(System.Text.Encoding.ASCII.GetBytes($">a{i}\n"));
                compress.Write(line);
            }
        }
        Assert.True(gzip.Length < 1024 * 1024);

        var (status, error) = await Post("/api/predict", new ByteArrayContent(gzip.ToArray()), options);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("request body expands to more than 10 MB of FASTA, the limit for a gzip upload (ten times the request limit, --max-request-mb).", error);
    }

    [Fact]
    public async Task More_proteins_than_the_limit_is_a_413_naming_the_limit()
    {
        var options = new ServeOptions { ModelPaths = [models.RLstm], MaxProteins = 2 };

        var (status, error) = await Post("/api/jobs", Text(">a\nMKV\n>b\nMKV\n>c\nMKV\n"), options);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("request body holds more than 2 proteins, the limit of one request (--max-proteins); split the input or raise the limit.", error);
    }

    [Fact]
    public async Task Unknown_jobs_and_proteins_are_404()
    {
        using var serve = new ServeFactory(new ServeOptions { ModelPaths = [models.RLstm] });
        using var client = serve.CreateClient();

        var (status, error) = await Refused(await client.GetAsync("/api/jobs/0123"));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.StartsWith("no job 0123", error);

        var started = await client.PostAsync("/api/jobs", Text(">a\nMKV\n"));
        await JobPolling.UntilFinishedAsync(client, started.Headers.Location!.OriginalString);
        (status, error) = await Refused(await client.GetAsync($"{started.Headers.Location}/proteins/1/evidence"));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.EndsWith("has proteins 0 to 0, not 1.", error);
    }

    [Fact]
    public async Task Finished_jobs_expire()
    {
        using var serve = new ServeFactory(new ServeOptions { ModelPaths = [models.RLstm], JobLifetime = TimeSpan.Zero });
        using var client = serve.CreateClient();
        var started = await client.PostAsync("/api/jobs", Text(">a\nMKV\n"));
        var jobs = serve.Service<JobStore>();
        for (int i = 0; i < 500 && jobs.Get(JobId(started)).Status == JobStatus.Running; i++) await Task.Delay(10);
        await Task.Delay(20);

        jobs.Sweep();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(started.Headers.Location)).StatusCode);
    }

    static string JobId(HttpResponseMessage started) => started.Headers.Location!.OriginalString.Split('/')[^1];
}
