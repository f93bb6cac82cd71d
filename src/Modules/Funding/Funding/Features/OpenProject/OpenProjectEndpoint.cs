using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Funding.Features.OpenProject;

internal static class OpenProjectEndpoint
{
    public static void MapOpenProject(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/funding/projects/{projectId:guid}/open", async (Guid projectId, IMediator mediator, CancellationToken cancellationToken) =>
            Results.Ok(await mediator.Send(new OpenProjectCommand(projectId), cancellationToken)))
            .RequireAnyRole(Roles.MerchantAdmin);
}
