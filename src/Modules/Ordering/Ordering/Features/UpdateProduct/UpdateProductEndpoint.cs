using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;
using Modular.Ordering.Domain;

namespace Modular.Ordering.Features.UpdateProduct;

internal static class UpdateProductEndpoint
{
    public static void MapUpdateProduct(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPut("/api/ordering/products/{productId:guid}", async (Guid productId, UpdateProductRequest request, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new UpdateProductCommand(productId, request.Name, request.Price, request.Status), cancellationToken)))
            .WithSummary("Rename, reprice, activate or deactivate a product")
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity)
            .RequireAnyRole(Roles.MerchantAdmin);

    internal sealed record UpdateProductRequest(string Name, long Price, ProductStatus Status);
}
