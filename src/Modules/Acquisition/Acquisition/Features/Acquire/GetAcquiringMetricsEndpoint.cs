using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Acquisition.Features.Acquire;

internal static class GetAcquiringMetricsEndpoint
{
    /// <summary>The loop's figures as JSON for the console's live chart (Prometheus scrapes /metrics; a browser should not parse that).</summary>
    public static void MapGetAcquiringMetrics(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/acquisition/acquiring-metrics", async (IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new GetAcquiringMetricsQuery(), cancellationToken)))
            .WithSummary("The acquiring loop's totals (acquired, isolated, since this instance started) and its lag now")
            .RequireAnyRole(AcquisitionRoles.AcquiringOperators);
}
