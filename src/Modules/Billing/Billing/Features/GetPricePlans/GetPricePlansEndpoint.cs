using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Billing.Features.GetPricePlans;

internal static class GetPricePlansEndpoint
{
    public static void MapGetPricePlans(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/billing/price-plans", async (IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new GetPricePlansQuery(), cancellationToken)))
            .WithSummary("List the products' price plans")
            .RequireAnyRole(Roles.BillingOperator);
}
