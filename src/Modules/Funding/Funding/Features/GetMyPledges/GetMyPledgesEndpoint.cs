using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;

namespace Modular.Funding.Features.GetMyPledges;

internal static class GetMyPledgesEndpoint
{
    public static void MapGetMyPledges(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/funding/pledges/mine", async (Guid? before, int? limit, ICurrentUser user, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new GetMyPledgesQuery(user.UserId, before, PageLimit.Clamp(limit)), cancellationToken)))
            .WithSummary("List my pledges (keyset)")
            .RequireAuthorization(Roles.Customer);
}
