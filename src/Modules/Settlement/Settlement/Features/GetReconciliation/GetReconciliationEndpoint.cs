using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Settlement.Features.GetReconciliation;

internal static class GetReconciliationEndpoint
{
    public static void MapGetReconciliation(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/settlement/reconciliations/{runId:guid}", async (Guid runId, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new GetReconciliationQuery(runId), cancellationToken)))
            .WithSummary("Get a reconciliation run: pages, acquisitions compared, rows added, rewritten and removed")
            .Refuses(StatusCodes.Status404NotFound)
            .RequireAnyRole(SettlementRoles.Reconcilers);
}
