using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.Billing.Features.Dispatching;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Security;

namespace Modular.Billing.Features.CreateDispatch;

internal static class CreateDispatchEndpoint
{
    public static void MapCreateDispatch(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/billing/dispatches", async (CreateDispatchCommand command, IMediator mediator, DispatchSignal signal, CancellationToken cancellationToken) =>
            {
                var dispatch = await mediator.Send(command, cancellationToken);
                signal.Wake();
                return TypedResults.Accepted($"/api/billing/dispatches/{dispatch.Id}", dispatch);
            })
            .WithSummary("Mail invoices (ids or a filter) in the background: rendered, rate-limited, each sent once")
            .Refuses(StatusCodes.Status422UnprocessableEntity)
            .RequireAnyRole(Roles.BillingOperator);
}
