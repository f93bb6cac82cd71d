using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Modular.BuildingBlocks.Infrastructure.Settings;

namespace Modular.Tests.Integration.Support;

/// <summary>The real Host (all six modules) on the real services, as the "Testing" environment (no Development extras).</summary>
public sealed class ModularHostFactory : WebApplicationFactory<Program>
{
    /// <summary>The Testing environment is not Development, so it must bring its own strong key.</summary>
    public const string TestSigningKey = "integration-tests-signing-key-of-at-least-32-bytes";

    public ModularHostFactory() => RequiredServices.EnsureReachable(ServiceSettings.FromEnvironment());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Jwt:SigningKey", TestSigningKey);
    }
}

[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<ModularHostFactory>
{
    public const string Name = "host";
}
