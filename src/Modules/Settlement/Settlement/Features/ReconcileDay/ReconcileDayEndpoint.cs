using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Settlement.Features.ReconcileDay;

internal static class ReconcileDayEndpoint
{
    public static void MapReconcileDay(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/settlement/reconciliations", async (ReconcileDayRequest request, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var run = await mediator.Send(new ReconcileDayCommand(request.Day ?? default), cancellationToken);
                return TypedResults.Accepted($"/api/settlement/reconciliations/{run.Id}", run);
            })
            .WithSummary("Reconcile a day's ledger with Acquisition's acquisitions now (202; poll the Location for what it repaired)")
            .RequireAnyRole(SettlementRoles.Reconcilers);

    internal sealed record ReconcileDayRequest(DateOnly? Day);
}
