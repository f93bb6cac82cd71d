using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Acquisition.Features.GetAcquiringError;

internal static class GetAcquiringErrorEndpoint
{
    public static void MapGetAcquiringError(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/acquisition/acquiring-errors/{errorId:guid}", async (Guid errorId, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new GetAcquiringErrorQuery(errorId), cancellationToken)))
            .WithSummary("One acquiring error with its reasons and the item's payload")
            .Refuses(StatusCodes.Status404NotFound)
            .RequireAnyRole(AcquisitionRoles.AcquiringOperators);
}
