using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Ordering.Features.RestockProduct;

internal static class RestockProductEndpoint
{
    public static void MapRestockProduct(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/ordering/products/{productId:guid}/restock", async (Guid productId, RestockRequest request, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new RestockProductCommand(productId, request.Quantity), cancellationToken)))
            .WithSummary("Add stock to a product")
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity)
            .RequireAnyRole(Roles.MerchantAdmin);

    internal sealed record RestockRequest(int Quantity);
}
