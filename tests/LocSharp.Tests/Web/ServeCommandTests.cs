using System.Diagnostics;
using System.Net;
using LocSharp.Cli.Infrastructure;
using LocSharp.Tests.Cli;

namespace LocSharp.Tests.Web;

/// <summary>`locsharp serve` on the command line: it starts, prints its address and answers; bad options fail early.</summary>
[Collection(TorchCollection.Name)]
public sealed class ServeCommandTests(ServeModels models) : IClassFixture<ServeModels>
{
    [Fact]
    public async Task The_program_prints_its_address_and_answers_there()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "locsharp.dll"), "serve", "--port", "0", "-m", models.RLstm, "--threads", "1" })
            start.ArgumentList.Add(arg);
        using var server = Process.Start(start)!;
        server.ErrorDataReceived += (_, _) => { };
        server.BeginErrorReadLine();
        try
        {
            string? line = await server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Matches(@"^LocSharp serves tiny-rlstm at http://127\.0\.0\.1:\d+/ \(open it in a browser; Ctrl\+C stops it\)$", line);
            string url = line!.Split(" at ")[1].Split(' ')[0];
            using var client = new HttpClient { BaseAddress = new Uri(url) };

            var response = await client.PostAsync("/api/predict?format=csv", new StringContent(">a\nMKVLAAGIVGLLLAQ\n"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            string input = Path.Combine(models.Folder, "one.fasta");
            File.WriteAllText(input, ">a\nMKVLAAGIVGLLLAQ\n");
            Assert.Equal(CliRunner.Run("predict", input, "-m", models.RLstm).Out, await response.Content.ReadAsStringAsync());
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    [Fact]
    public void A_missing_model_is_exit_1_naming_the_file()
    {
        var result = CliRunner.Run("serve", "--port", "0", "-m", Path.Combine(models.Folder, "missing.lsm"));

        Assert.Equal(ExitCodes.InvalidInput, result.Exit);
        Assert.Contains("missing.lsm", result.Error);
    }

    [Fact]
    public void A_port_in_use_is_exit_2_saying_so()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        string port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString();

        var result = CliRunner.Run("serve", "--port", port, "-m", models.RLstm);

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.Contains($"cannot listen on 127.0.0.1:{port}", result.Error);
    }

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--max-proteins", "0")]
    [InlineData("--max-request-mb", "0")]
    [InlineData("--parallel", "0")]
    public void Bad_limits_are_exit_2(string option, string value)
    {
        var result = CliRunner.Run("serve", option, value, "-m", models.RLstm);

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.Contains(option, result.Error);
    }
}
