using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.Security;
using Modular.Tests.Integration.Support;

namespace Modular.Tests.Integration.Hardening;

/// <summary>
/// docs/roles.md is the one table of who may call what. Every endpoint the Host registers is evaluated against the real
/// authorization policies for each role (and for an anonymous caller) and must match its row; an endpoint without a row,
/// or a row without an endpoint, fails. Organization scoping ("own") is checked by each module's tests.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class RoleMatrixTests(TestPlatform platform)
{
    private const string Anonymous = "anonymous";
    private static readonly string[] Callers = [Anonymous, .. Roles.All];

    [Fact]
    public async Task Every_registered_endpoint_admits_exactly_the_roles_its_row_in_docs_roles_md_names()
    {
        var documented = DocumentedMatrix();
        var actual = await ActualMatrixAsync();

        var mismatches = actual.Where(row => !documented.TryGetValue(row.Key, out var roles) || !roles.SetEquals(row.Value))
            .Select(row => $"| `{row.Key}` | {string.Join(" | ", Callers.Select(caller => row.Value.Contains(caller) ? "✓" : "–"))} |"
                           + (documented.ContainsKey(row.Key) ? "   (differs from the table)" : "   (no row in the table)"))
            .Concat(documented.Keys.Except(actual.Keys).Select(key => $"`{key}`: a row for an endpoint that does not exist"))
            .ToList();
        mismatches.ShouldBeEmpty("docs/roles.md does not match the endpoints:\n" + string.Join('\n', mismatches));
    }

    private async Task<Dictionary<string, HashSet<string>>> ActualMatrixAsync()
    {
        var services = platform.Host.Services;
        var policies = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var authorization = services.GetRequiredService<IAuthorizationService>();
        var matrix = new Dictionary<string, HashSet<string>>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            var policy = await AuthorizationPolicy.CombineAsync(policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
            var admitted = new HashSet<string>();
            foreach (var caller in Callers)
            {
                if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || policy is null
                    || (await authorization.AuthorizeAsync(PrincipalOf(caller), policy)).Succeeded)
                {
                    admitted.Add(caller);
                }
            }

            foreach (var method in methods)
            {
                matrix[$"{method} {endpoint.RoutePattern.RawText}"] = admitted;
            }
        }

        return matrix;
    }

    private static ClaimsPrincipal PrincipalOf(string caller) => caller == Anonymous
        ? new ClaimsPrincipal(new ClaimsIdentity())
        : new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(PlatformClaims.Subject, Guid.NewGuid().ToString()), new Claim(PlatformClaims.Role, caller)],
            "Bearer", PlatformClaims.Subject, PlatformClaims.Role));

    /// <summary>Rows like <c>| `POST /api/ordering/orders` | – | – | ... | ✓ |</c>, columns in the order of <see cref="Callers"/>.</summary>
    private static Dictionary<string, HashSet<string>> DocumentedMatrix()
    {
        var rows = new Dictionary<string, HashSet<string>>();
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot(), "docs", "roles.md")).Where(line => line.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = line.Trim('|').Split('|', StringSplitOptions.TrimEntries);
            var admitted = Callers.Where((_, index) => cells[index + 1] == "✓").ToHashSet();
            rows[cells[0].Trim('`')] = admitted;
        }

        return rows;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Modular.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Modular.sln not found above the test output.");
    }
}
