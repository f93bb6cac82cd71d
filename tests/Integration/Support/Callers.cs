using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Tests.Integration.Support;

/// <summary>
/// HTTP clients that carry an access token signed by the host's own issuer, for tests of modules other than IAM
/// (IAM's own tests log in over HTTP).
/// </summary>
public static class Callers
{
    public static HttpClient CreateClientAs<TEntryPoint>(
        this WebApplicationFactory<TEntryPoint> factory, Guid userId, Guid? organizationId, params string[] roles)
        where TEntryPoint : class
    {
        var token = factory.Services.GetRequiredService<AccessTokenIssuer>()
            .Issue(userId, organizationId, $"{userId:N}@callers.test", roles);
        // No redirect handling: the API never redirects, and that handler buffers request bodies before sending them
        // (a request whose body is still arriving would never reach the host).
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }
}
