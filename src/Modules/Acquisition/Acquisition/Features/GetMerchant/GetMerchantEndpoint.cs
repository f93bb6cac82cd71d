using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Acquisition.Features.GetMerchant;

internal static class GetMerchantEndpoint
{
    public static void MapGetMerchant(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/acquisition/merchants/{merchantId:guid}", async (Guid merchantId, IMediator mediator, CancellationToken cancellationToken) =>
            Results.Ok(await mediator.Send(new GetMerchantQuery(merchantId), cancellationToken)))
            .RequireAnyRole(AcquisitionRoles.Readers);
}
