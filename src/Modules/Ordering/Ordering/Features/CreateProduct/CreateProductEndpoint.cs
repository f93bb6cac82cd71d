using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Ordering.Features.CreateProduct;

internal static class CreateProductEndpoint
{
    public static void MapCreateProduct(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/ordering/products", async (CreateProductCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        {
            var product = await mediator.Send(command, cancellationToken);
            return TypedResults.Created($"/api/ordering/products/{product.Id}", product);
        })
            .WithSummary("Create a product in a merchant's catalogue")
            .Refuses(StatusCodes.Status403Forbidden, StatusCodes.Status422UnprocessableEntity)
            .RequireAnyRole(Roles.MerchantAdmin);
}
