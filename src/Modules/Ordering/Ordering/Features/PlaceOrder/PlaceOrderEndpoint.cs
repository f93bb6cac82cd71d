using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Problems;

namespace Modular.Ordering.Features.PlaceOrder;

internal static class PlaceOrderEndpoint
{
    public static void MapPlaceOrder(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/ordering/orders", async (
                PlaceOrderRequest request,
                [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
                ICurrentUser user,
                IMediator mediator,
                CancellationToken cancellationToken) =>
            {
                var answer = await mediator.Send(
                    new PlaceOrderCommand(user.UserId, request.Lines ?? [], request.CardToken ?? "", idempotencyKey), cancellationToken);
                return answer switch
                {
                    PlaceOrderAnswer.Stored stored => (IResult)new StoredAnswer(stored),
                    PlaceOrderAnswer.Refused refused => ErrorProblem.Result(refused.Error),
                    _ => throw new InvalidOperationException($"Unexpected answer {answer}."),
                };
            })
            .Produces<PlacedOrderResponse>(StatusCodes.Status201Created)
            .WithSummary("Place an order (reserves stock, then the payment is authorized asynchronously)")
            .Refuses(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Roles.Customer);

    internal sealed record PlaceOrderRequest(IReadOnlyList<PlaceOrderLine>? Lines, string? CardToken);
}
