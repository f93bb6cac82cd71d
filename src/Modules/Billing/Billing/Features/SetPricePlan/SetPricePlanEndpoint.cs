using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Billing.Features.SetPricePlan;

internal static class SetPricePlanEndpoint
{
    public static void MapSetPricePlan(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPut("/api/billing/price-plans", async (SetPricePlanCommand command, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(command, cancellationToken)))
            .WithSummary("Create or change a product's unit price and monthly minimum fee")
            .Refuses(StatusCodes.Status422UnprocessableEntity)
            .RequireAnyRole(Roles.BillingOperator);
}
