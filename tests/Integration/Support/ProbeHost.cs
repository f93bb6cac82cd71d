using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Web;
using Modular.Tests.Probe;

namespace Modular.Tests.Integration.Support;

/// <summary>
/// An app instance with only the probe module, composed exactly as the Host composes modules, on the test run's containers.
/// Several can run at once (they are competing instances of one app) and each can be disposed mid-run.
/// </summary>
public sealed class ProbeHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProbeHost(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public HttpClient CreateClient() => _app.GetTestClient();

    /// <param name="services">The services.env keys that point it at the containers (<see cref="TestPlatform.Settings"/>).</param>
    /// <param name="settings">Further configuration of this instance.</param>
    public static async Task<ProbeHost> StartAsync(IReadOnlyDictionary<string, string> services, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["Jwt:SigningKey"] = ModularHostFactory.TestSigningKey;
        foreach (var (key, value) in services.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)).Concat(settings ?? new Dictionary<string, string?>()))
        {
            builder.Configuration[key] = value;
        }

        builder.AddModularPlatform([new ProbeModule()]);
        var app = builder.Build();
        app.UseModularPlatform();
        await app.StartAsync();
        return new ProbeHost(app);
    }

    /// <summary>Sends a command through the MediatR pipeline in its own scope, as an endpoint would.</summary>
    public async Task<T> SendAsync<T>(MediatR.IRequest<T> request)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(request);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
