using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Application.Security;
using Modular.Ordering.Features.PlaceOrder;

namespace Modular.Ordering.Features.SubmitBulkOrder;

internal static class SubmitBulkOrderEndpoint
{
    public static void MapSubmitBulkOrder(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/ordering/bulk-orders", async (SubmitBulkOrderRequest request, ICurrentUser user, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var accepted = await mediator.Send(
                    new SubmitBulkOrderCommand(user.UserId, request.Lines ?? [], request.Mode, request.CardToken ?? ""), cancellationToken);
                return TypedResults.Accepted($"/api/ordering/bulk-orders/{accepted.Id}", accepted);
            })
            .WithSummary("Submit a bulk order of up to 1,000 lines (asynchronous job)")
            .Refuses(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Roles.Customer);

    internal sealed record SubmitBulkOrderRequest(IReadOnlyList<PlaceOrderLine>? Lines, BulkOrderMode Mode, string? CardToken);
}
