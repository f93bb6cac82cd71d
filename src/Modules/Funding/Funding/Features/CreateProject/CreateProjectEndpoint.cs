using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Funding.Features.CreateProject;

internal static class CreateProjectEndpoint
{
    public static void MapCreateProject(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/funding/projects", async (CreateProjectCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        {
            var project = await mediator.Send(command, cancellationToken);
            return TypedResults.Created($"/api/funding/projects/{project.Id}", project);
        })
            .WithSummary("Create a crowdfunding project (Draft) with reward tiers")
            .Refuses(StatusCodes.Status422UnprocessableEntity)
            .RequireAnyRole(Roles.MerchantAdmin);
}
