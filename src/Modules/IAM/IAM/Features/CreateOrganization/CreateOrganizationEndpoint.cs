using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Application.Security;

namespace Modular.IAM.Features.CreateOrganization;

internal static class CreateOrganizationEndpoint
{
    public static void MapCreateOrganization(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/iam/organizations", async (CreateOrganizationCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        {
            var organization = await mediator.Send(command, cancellationToken);
            return TypedResults.Created($"/api/iam/organizations/{organization.Id}", organization);
        })
            .WithSummary("Create an organization (merchant, partner or the platform's own)")
            .Refuses(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Roles.PlatformAdmin);
}
