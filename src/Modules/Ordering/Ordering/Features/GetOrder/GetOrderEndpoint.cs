using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Ordering.Features.GetOrder;

internal static class GetOrderEndpoint
{
    /// <summary>The shopper sees its own orders; merchant staff and operators see the orders of the organizations they may see.</summary>
    public static void MapGetOrder(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/ordering/orders/{orderId:guid}", async (Guid orderId, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new GetOrderQuery(orderId), cancellationToken)))
            .WithSummary("Get an order with its state timeline")
            .Refuses(StatusCodes.Status404NotFound)
            .RequireAnyRole(Roles.Customer, Roles.MerchantAdmin, Roles.MerchantUser, Roles.FinanceOperator, Roles.BillingOperator, Roles.RiskManager);
}
