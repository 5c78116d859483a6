using LocSharp.Cli.Commands;
using LocSharp.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LocSharp.Tests.Web;

/// <summary>`locsharp serve`'s services and routes hosted in memory (Microsoft.AspNetCore.Mvc.Testing), over
/// <paramref name="options"/>.</summary>
sealed class ServeFactory(ServeOptions options) : WebApplicationFactory<ServeCommand>
{
    protected override IHostBuilder CreateHostBuilder() => Host.CreateDefaultBuilder()
        .ConfigureLogging(logging => logging.ClearProviders())
        .ConfigureWebHost(web => web
            .UseContentRoot(AppContext.BaseDirectory)
            .ConfigureServices(services => services.AddLocSharp(options))
            .Configure(app => app.UseLocSharp()));

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();
}
