using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Funding.Features.EditProject;

internal static class EditProjectEndpoint
{
    public static void MapEditProject(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPut("/api/funding/projects/{projectId:guid}", async (
                Guid projectId, EditProjectRequest request, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(
                new EditProjectCommand(projectId, request.Title ?? "", request.Goal, request.StartsAt, request.Deadline, request.Tiers), cancellationToken)))
            .WithSummary("Edit a draft project of my organization")
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .RequireAnyRole(Roles.MerchantAdmin);

    internal sealed record EditProjectRequest(string? Title, long Goal, DateTime StartsAt, DateTime Deadline, IReadOnlyList<TierRequest>? Tiers);
}
