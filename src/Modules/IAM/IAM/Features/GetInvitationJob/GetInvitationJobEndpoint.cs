using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.IAM.Features.GetInvitationJob;

internal static class GetInvitationJobEndpoint
{
    public static void MapGetInvitationJob(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/iam/invitations/jobs/{jobId:guid}", async (Guid jobId, IMediator mediator, CancellationToken cancellationToken) =>
                Results.Ok(await mediator.Send(new GetInvitationJobQuery(jobId), cancellationToken)))
            .RequireAnyRole(Roles.MerchantAdmin);
}
