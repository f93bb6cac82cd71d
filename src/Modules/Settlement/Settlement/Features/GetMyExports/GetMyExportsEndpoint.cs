using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Settlement.Features.GetMyExports;

internal static class GetMyExportsEndpoint
{
    public static void MapGetMyExports(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/settlement/exports", async (Guid? before, int? limit, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new GetMyExportsQuery(before, PageLimit.Clamp(limit)), cancellationToken)))
            .WithSummary("My export queue, newest first (status, progress, rows, size, created, expiry, error; keyset)")
            .RequireAnyRole(SettlementRoles.LedgerReaders);
}
