using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Acquisition.Features.GetMerchants;

internal static class GetMerchantsEndpoint
{
    /// <summary>Operators see every merchant; merchant staff see their organization's.</summary>
    public static void MapGetMerchants(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/acquisition/merchants", async (Guid? before, int? limit, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(
                new GetMerchantsQuery(before, PageLimit.Clamp(limit)), cancellationToken)))
            .WithSummary("List merchants (keyset-paged)")
            .RequireAnyRole(AcquisitionRoles.Readers);
}
