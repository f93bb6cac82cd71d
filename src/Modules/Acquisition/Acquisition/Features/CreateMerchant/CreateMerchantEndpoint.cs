using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Application.Security;

namespace Modular.Acquisition.Features.CreateMerchant;

internal static class CreateMerchantEndpoint
{
    /// <summary>Acquiring settings are the PG's decision: platform admins only.</summary>
    public static void MapCreateMerchant(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/acquisition/merchants", async (CreateMerchantCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        {
            var merchant = await mediator.Send(command, cancellationToken);
            return TypedResults.Created($"/api/acquisition/merchants/{merchant.Id}", merchant);
        })
            .WithSummary("Register an organization's acquiring merchant")
            .Refuses(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Roles.PlatformAdmin);
}
