using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Ordering.Features.CreateProduct;

internal static class CreateProductEndpoint
{
    public static void MapCreateProduct(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/ordering/products", async (CreateProductCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        {
            var product = await mediator.Send(command, cancellationToken);
            return Results.Created($"/api/ordering/products/{product.Id}", product);
        }).RequireAnyRole(Roles.MerchantAdmin);
}
