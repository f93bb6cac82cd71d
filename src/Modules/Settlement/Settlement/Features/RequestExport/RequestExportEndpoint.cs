using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Settlement.Features.RequestExport;

internal static class RequestExportEndpoint
{
    public static void MapRequestExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/settlement/exports", async (LedgerFilterInput filter, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var job = await mediator.Send(new RequestExportCommand(filter), cancellationToken);
                return TypedResults.Accepted($"/api/settlement/exports/{job.Id}", job);
            })
            .WithSummary("Export the ledger rows matching the filters (202 with the job; the same request while it is active returns it)")
            .RequireAnyRole(SettlementRoles.LedgerReaders);
}
