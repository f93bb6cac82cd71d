using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Modular.Tests.Integration.Support;

/// <summary>
/// The real Host (all six modules) as the "Testing" environment (no Development extras), on the test run's containers:
/// <paramref name="services"/> holds the services.env keys that point it there, applied as configuration.
/// </summary>
public sealed class ModularHostFactory(IReadOnlyDictionary<string, string> services) : WebApplicationFactory<Program>
{
    /// <summary>The Testing environment is not Development, so it must bring its own strong key.</summary>
    public const string TestSigningKey = "integration-tests-signing-key-of-at-least-32-bytes";

    public TestClock Clock { get; } = new();

    public IReadOnlyDictionary<string, string> ServiceSettings => services;

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Jwt:SigningKey", TestSigningKey);
        foreach (var (key, value) in services)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(testServices => testServices.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}
