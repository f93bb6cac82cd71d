using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.IAM.Features.AddContact;

internal static class AddContactEndpoint
{
    public static void MapAddContact(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/iam/organizations/{organizationId:guid}/contacts", async (
                Guid organizationId, AddContactRequest request, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var contact = await mediator.Send(
                    new AddContactCommand(organizationId, request.Name ?? "", request.Email ?? "", request.IsPrimary), cancellationToken);
                return TypedResults.Created($"/api/iam/organizations/{organizationId}", contact);
            })
            .WithSummary("Add a contact to an organization")
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity)
            .RequireAnyRole(Roles.BillingOperator, Roles.MerchantAdmin);

    internal sealed record AddContactRequest(string? Name, string? Email, bool IsPrimary);
}
