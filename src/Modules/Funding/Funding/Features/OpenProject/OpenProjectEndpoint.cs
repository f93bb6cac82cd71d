using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Funding.Features.OpenProject;

internal static class OpenProjectEndpoint
{
    public static void MapOpenProject(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/funding/projects/{projectId:guid}/open", async (Guid projectId, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new OpenProjectCommand(projectId), cancellationToken)))
            .WithSummary("Open a draft project for pledges")
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .RequireAnyRole(Roles.MerchantAdmin);
}
