using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Acquisition.Features.GetMerchant;

internal static class GetMerchantEndpoint
{
    public static void MapGetMerchant(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/acquisition/merchants/{merchantId:guid}", async (Guid merchantId, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new GetMerchantQuery(merchantId), cancellationToken)))
            .WithSummary("Get a merchant")
            .Refuses(StatusCodes.Status404NotFound)
            .RequireAnyRole(AcquisitionRoles.Readers);
}
