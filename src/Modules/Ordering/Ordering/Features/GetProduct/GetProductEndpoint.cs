using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Ordering.Features.GetProduct;

internal static class GetProductEndpoint
{
    public static void MapGetProduct(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/ordering/products/{productId:guid}", async (Guid productId, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new GetProductQuery(productId), cancellationToken)))
            .WithSummary("Get a product of the catalogue")
            .Refuses(StatusCodes.Status404NotFound)
            .RequireAnyRole(Roles.Customer, Roles.MerchantAdmin, Roles.MerchantUser, Roles.FinanceOperator, Roles.BillingOperator, Roles.RiskManager);
}
