using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Settlement.Features.GetExport;

internal static class GetExportEndpoint
{
    public static void MapGetExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/settlement/exports/{jobId:guid}", async (Guid jobId, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new GetExportQuery(jobId), cancellationToken)))
            .WithSummary("Get an export job: status, progress, size, expiry, error, and a fresh signed download link when ready")
            .Refuses(StatusCodes.Status404NotFound)
            .RequireAnyRole(SettlementRoles.LedgerReaders);
}
