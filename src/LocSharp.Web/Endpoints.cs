using System.Text.Json.Nodes;
using LocSharp.Explain;
using LocSharp.Prediction;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace LocSharp.Web;

/// <summary>
/// The routes of `locsharp serve`: the page, the JSON API and the health check. Each handler reads the request,
/// calls the library through <see cref="PredictionService"/> and writes predict's contract; nothing here writes a
/// file or logs a sequence.
/// </summary>
public static class Endpoints
{
    public static IEndpointRouteBuilder MapLocSharp(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", () => Page("index.html"));
        foreach (string file in PageAssets.Files) routes.MapGet("/" + file, () => Page(file));
        routes.MapGet("/healthz", (ModelCatalog catalog, JobStore jobs) =>
            Results.Json(new JsonObject { ["status"] = "ok", ["models"] = catalog.Models.Count, ["jobs"] = jobs.Count }));
        routes.MapGet("/api/models", (ModelCatalog catalog) => Results.Json(new JsonArray([.. catalog.Models.Select(Describe)])));
        routes.MapPost("/api/predict", PredictAsync);
        routes.MapPost("/api/jobs", StartJobAsync);
        routes.MapGet("/api/jobs/{id}", (string id, JobStore jobs) => Results.Json(Describe(jobs.Get(id))));
        routes.MapGet("/api/jobs/{id}/results", JobResults);
        routes.MapGet("/api/jobs/{id}/proteins/{index:int}/evidence", EvidenceAsync);
        routes.MapDelete("/api/jobs/{id}", (string id, JobStore jobs) => { jobs.Delete(id); return Results.NoContent(); });
        return routes;
    }

    static IResult Page(string file)
    {
        var (content, type) = PageAssets.Get(file);
        return Results.Bytes(content, type);
    }

    /// <summary><c>POST /api/predict?model=NAME&amp;format=json|csv|tsv</c>: the predictions, in predict's output.</summary>
    static async Task<IResult> PredictAsync(HttpContext context, ModelCatalog catalog, PredictionService service, ServeOptions options,
        string? model, string? format)
    {
        var served = catalog.Get(model);
        var chosen = PredictionText.Format(format, PredictionFormat.Json);
        var records = await FastaUpload.ReadAsync(context.Request, options, context.RequestAborted);
        var predictions = await service.PredictAsync(served, records, cancel: context.RequestAborted);
        return Results.Text(PredictionText.Write(served, predictions, chosen), PredictionText.ContentType(chosen));
    }

    /// <summary><c>POST /api/jobs?model=NAME</c>: starts predicting; 202 with the job, to poll at its Location.</summary>
    static async Task<IResult> StartJobAsync(HttpContext context, ModelCatalog catalog, JobStore jobs, PredictionService service,
        ServeOptions options, string? model)
    {
        var served = catalog.Get(model);
        service.CheckCanPredict(served);
        var records = await FastaUpload.ReadAsync(context.Request, options, context.RequestAborted);
        var job = jobs.Start(served, records);
        return Results.Accepted($"/api/jobs/{job.Id}", Describe(job));
    }

    /// <summary><c>GET /api/jobs/ID/results?format=csv|tsv|json</c>: a finished job's predictions as a download.</summary>
    static IResult JobResults(string id, string? format, JobStore jobs)
    {
        var job = jobs.Get(id);
        var results = job.Results ?? throw new RequestException(StatusCodes.Status409Conflict,
            $"job {id} is {job.Status.ToString().ToLowerInvariant()}; results are there when it is done.");
        var chosen = PredictionText.Format(format, PredictionFormat.Csv);
        return Results.File(System.Text.Encoding.UTF8.GetBytes(PredictionText.Write(job.Model, results, chosen)),
            PredictionText.ContentType(chosen), $"locsharp-{job.Model.Name}.{PredictionText.Extension(chosen)}");
    }

    /// <summary><c>GET /api/jobs/ID/proteins/INDEX/evidence</c>: one protein's probabilities and a per-residue track:
    /// for a model with an A-LSTM (alone or the one of an ensemble, named in the track's "network") its attention at
    /// each residue it read, for any other model without profiles (or with <c>?track=attribution</c>, for any model without
    /// profiles: the whole ensemble's call, not one network's) the residues' integrated-gradients attribution.</summary>
    static async Task<IResult> EvidenceAsync(string id, int index, string? track, JobStore jobs, PredictionService service, HttpContext context)
    {
        if (track is not (null or "attribution"))
            throw new RequestException(StatusCodes.Status400BadRequest, $"track={track} is not a kind of track; leave it out, or ask for track=attribution.");
        var job = jobs.Get(id);
        if (job.Results is not { } results)
            throw new RequestException(StatusCodes.Status409Conflict, $"job {id} is {job.Status.ToString().ToLowerInvariant()}; evidence is there when it is done.");
        if (index < 0 || index >= results.Count)
            throw RequestException.NotFound($"job {id} has proteins 0 to {results.Count - 1}, not {index}.");
        var record = job.Records[index];
        var prediction = results[index];
        var model = job.Model.Model;
        var evidence = new JsonObject
        {
            ["protein_id"] = record.Id,
            ["description"] = record.Description,
            ["length"] = record.Sequence.Length,
            ["location"] = model.Locations[prediction.Best],
            ["probabilities"] = new JsonObject(model.Locations.Select((l, i) =>
                KeyValuePair.Create(l, (JsonNode?)Math.Round((decimal)prediction.Probabilities[i], 4)))),
        };
        if (prediction.Membrane is float membrane) evidence[PredictionWriter.MembraneColumn] = Math.Round((decimal)membrane, 4);
        if (track is null && await service.ReadAsync(job.Model, record, context.RequestAborted) is { } attention)
            evidence["track"] = Track("attention", AttentionExplanation.ExplainedName(model, job.Model.Name), attention.ReadSequence,
                attention.Positions, attention.Weights.Select(w => (double)w));
        else if (await service.AttributeAsync(job.Model, record, context.RequestAborted) is { } attribution)
        {
            var residues = Track("attribution", job.Model.Name, attribution.ReadSequence, attribution.Positions, attribution.Attribution.Residues);
            residues["location"] = attribution.ExplainedLocation;
            residues["probability_change"] = Math.Round((decimal)(attribution.Attribution.Path.AtInput - attribution.Attribution.Path.AtBaseline), 5);
            evidence["track"] = residues;
        }
        else
            evidence["track_unavailable"] = "the model reads profiles; per-residue tracks are drawn for models without profiles.";
        return Results.Json(evidence);
    }

    /// <summary>A per-residue track: attention weights (kind "attention") or integrated-gradients attributions of the
    /// predicted location's probability (kind "attribution", which sum to its change from the all-X baseline).</summary>
    static JsonObject Track(string kind, string network, string residues, int[] positions, IEnumerable<double> values) => new()
    {
        ["kind"] = kind,
        ["network"] = network,
        ["residues"] = residues,
        ["positions"] = new JsonArray([.. positions.Select(p => (JsonNode?)p)]),
        ["weights"] = new JsonArray([.. values.Select(w => (JsonNode?)Math.Round((decimal)w, 5))]),
    };

    static JsonObject Describe(ServedModel model) => new()
    {
        ["name"] = model.Name,
        ["locations"] = new JsonArray([.. model.Model.Locations.Select(l => (JsonNode?)l)]),
        ["membrane"] = model.Model.PredictsMembrane,
        ["needs_profiles"] = model.Model.NeedsProfiles,
        ["architectures"] = new JsonArray([.. model.Architectures.Select(a => (JsonNode?)a)]),
        ["attention"] = model.HasAttention,
        ["max_length"] = model.Model.MaxLength,
    };

    static JsonObject Describe(Job job)
    {
        var status = job.Status; // read once: Results and Error are set before it changes
        var description = new JsonObject
        {
            ["id"] = job.Id,
            ["model"] = job.Model.Name,
            ["status"] = status.ToString().ToLowerInvariant(),
            ["done"] = status == JobStatus.Done ? job.Total : job.Done,
            ["total"] = job.Total,
        };
        if (job.Error is { } error && status is JobStatus.Failed or JobStatus.Cancelled) description["error"] = error;
        if (status == JobStatus.Done)
            description["results"] = JsonNode.Parse(PredictionText.Write(job.Model, job.Results!, PredictionFormat.Json));
        return description;
    }
}
