using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LocSharp.Web;

/// <summary>Builds `locsharp serve`: Kestrel on the options' address, the models loaded once, the routes of
/// <see cref="Endpoints"/>. Tests host the same services and routes in memory (<see cref="AddLocSharp"/>,
/// <see cref="UseLocSharp"/>).</summary>
public static class WebServer
{
    /// <summary>A server ready to start; the models are loaded now.</summary>
    /// <exception cref="Models.ModelFileException">A model file cannot be used.</exception>
    public static WebApplication Create(ServeOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Warnings and errors only: request logs would name what users predict. Sequences are never logged.
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null); // FastaUpload enforces the limit, with a message
        builder.WebHost.UseUrls($"http://{(options.Host.Contains(':') ? $"[{options.Host}]" : options.Host)}:{options.Port}");
        builder.Services.AddLocSharp(options);
        var app = builder.Build();
        app.UseLocSharp();
        return app;
    }

    /// <summary>The addresses a started server listens on (with the real port when <see cref="ServeOptions.Port"/> was 0).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    public static IServiceCollection AddLocSharp(this IServiceCollection services, ServeOptions options)
    {
        services.AddRouting();
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new ModelCatalog(options.ModelPaths));
        services.AddSingleton<PredictionService>();
        services.AddSingleton<JobStore>();
        return services;
    }

    public static IApplicationBuilder UseLocSharp(this IApplicationBuilder app)
    {
        app.ApplicationServices.GetRequiredService<ModelCatalog>(); // load the models before the first request
        app.Use(ReportErrorsAsync);
        app.UseRouting();
        app.UseEndpoints(routes => routes.MapLocSharp());
        return app;
    }

    /// <summary>Turns refused requests into their status and <c>{ "error": message }</c>.</summary>
    static async Task ReportErrorsAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (RequestException e)
        {
            await WriteErrorAsync(context, e.Status, e.Message);
        }
        catch (BadHttpRequestException e)
        {
            await WriteErrorAsync(context, e.StatusCode, $"the request cannot be read: {e.Message}");
        }
        catch (InvalidDataException e) // a malformed multipart form
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, $"the request cannot be read: {e.Message}");
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; its work has stopped and nobody is listening for an answer.
        }
    }

    static async Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        if (context.Response.HasStarted) throw new InvalidOperationException($"the response had started before this error: {message}");
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = message });
    }
}
