using System.Text.Json;

namespace LocSharp.Tests.Web;

static class JobPolling
{
    /// <summary>Polls the job at <paramref name="location"/> until it is no longer running (at most 30 s).</summary>
    public static async Task<JsonElement> UntilFinishedAsync(HttpClient client, string location)
    {
        for (int i = 0; i < 3000; i++)
        {
            var job = JsonDocument.Parse(await client.GetStringAsync(location)).RootElement;
            if (job.GetProperty("status").GetString() != "running") return job;
            await Task.Delay(10);
        }
        throw new TimeoutException($"the job {location} was still running after 30 s");
    }
}
