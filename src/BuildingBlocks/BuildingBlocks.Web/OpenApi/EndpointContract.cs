using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Modular.BuildingBlocks.Web.OpenApi;

/// <summary>
/// What every endpoint's OpenAPI operation declares (docs/api.md). The module group adds what holds for all of them:
/// the module's tag, 400 (binding, validation and unstorable text apply to every endpoint) and, when the endpoint needs
/// a caller, 401 and 403. An endpoint adds its summary, a typed success result and the refusals only it can give.
/// </summary>
public static class EndpointContract
{
    public const string ProblemContentType = "application/problem+json";

    /// <summary>The problems this endpoint's handler can answer besides 400/401/403 (404, 409, 422).</summary>
    public static RouteHandlerBuilder Refuses(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status, ProblemContentType);
        }

        return builder;
    }

    /// <summary>The group a module maps its endpoints in.</summary>
    internal static RouteGroupBuilder MapModuleGroup(this IEndpointRouteBuilder endpoints, string module)
    {
        var group = endpoints.MapGroup("");
        group.WithTags(module);
        // Finally: the endpoint's own conventions (RequireAuthorization, AllowAnonymous) have run by then.
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            endpoint.Metadata.Add(Problem(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails)));
            if (NeedsCaller(endpoint.Metadata))
            {
                endpoint.Metadata.Add(Problem(StatusCodes.Status401Unauthorized, typeof(ProblemDetails)));
                endpoint.Metadata.Add(Problem(StatusCodes.Status403Forbidden, typeof(ProblemDetails)));
            }
        });
        return group;
    }

    /// <summary>True when the endpoint admits only authenticated callers (the ones that carry the bearer token).</summary>
    public static bool NeedsCaller(IEnumerable<object> metadata) =>
        metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();

    private static ProducesResponseTypeMetadata Problem(int status, Type type) => new(status, type, [ProblemContentType]);
}
