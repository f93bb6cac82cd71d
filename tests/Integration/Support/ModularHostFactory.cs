using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Modular.BuildingBlocks.Infrastructure.Settings;

namespace Modular.Tests.Integration.Support;

/// <summary>The real Host (all six modules) on the real services, as the "Testing" environment (no Development extras).</summary>
public sealed class ModularHostFactory : WebApplicationFactory<Program>
{
    public ModularHostFactory() => RequiredServices.EnsureReachable(ServiceSettings.FromEnvironment());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}

[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<ModularHostFactory>
{
    public const string Name = "host";
}
