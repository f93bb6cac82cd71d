using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Iam;

/// <summary>
/// The real Host with a configured bootstrap platform admin: IAM's tests start from the one account a fresh
/// installation has and log in over HTTP like any user (no minted tokens).
/// </summary>
public sealed class IamHost : IAsyncDisposable
{
    public const string AdminEmail = "bootstrap.admin@iam-tests.example";
    public const string AdminPassword = "bootstrap-admin-password";

    private readonly ModularHostFactory _root;

    public IamHost(IReadOnlyDictionary<string, string> services)
    {
        _root = new ModularHostFactory(services);
        Factory = _root.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Iam:BootstrapAdmin:Email", AdminEmail);
            builder.UseSetting("Iam:BootstrapAdmin:Password", AdminPassword);
        });
    }

    public WebApplicationFactory<Program> Factory { get; }

    /// <summary>The clock this host's services read.</summary>
    public TestClock Clock => _root.Clock;

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _root.DisposeAsync();
    }
}
