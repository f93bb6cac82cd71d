using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.IAM.Features.GetInvitationJob;

internal static class GetInvitationJobEndpoint
{
    public static void MapGetInvitationJob(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/iam/invitations/jobs/{jobId:guid}", async (Guid jobId, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new GetInvitationJobQuery(jobId), cancellationToken)))
            .WithSummary("Get an invitation job's progress")
            .Refuses(StatusCodes.Status404NotFound)
            .RequireAnyRole(Roles.MerchantAdmin);
}
