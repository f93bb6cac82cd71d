using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Web.OpenApi;

namespace Modular.IAM.Features.RegisterCustomer;

internal static class RegisterCustomerEndpoint
{
    public static void MapRegisterCustomer(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/iam/customers", async (RegisterCustomerCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        {
            var user = await mediator.Send(command, cancellationToken);
            return TypedResults.Created($"/api/iam/users/{user.Id}", user);
        })
            .WithSummary("Register as a shopper (self-service sign-up)")
            .Refuses(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .AllowAnonymous();
}
