using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MediatR;
using Modular.BuildingBlocks.Domain.Errors;
using Modular.Ordering.Domain;
using Modular.Ordering.Features.PlaceOrder.Reservations;

namespace Modular.Ordering.Features.PlaceOrder;

internal sealed class PlaceOrderCommandHandler(ProductCatalogCache catalog, SoldOutProducts soldOut, ReservationBatcher batcher, TimeProvider clock)
    : IRequestHandler<PlaceOrderCommand, PlaceOrderAnswer>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PlaceOrderAnswer> Handle(PlaceOrderCommand command, CancellationToken cancellationToken)
    {
        var products = await catalog.GetAsync(command.Lines.Select(line => line.ProductId).ToList(), cancellationToken);
        var merchantId = SingleMerchantOf(command.Lines, products);
        var organizationId = products[command.Lines[0].ProductId].OrganizationId;

        // A retried key must get its first answer even when the product has sold out since, so only keyless orders
        // take the shortcut.
        if (command.IdempotencyKey is null && command.Lines.Where(line => soldOut.IsSoldOut(line.ProductId)).Select(line => line.ProductId).ToList() is { Count: > 0 } soldOutProducts)
        {
            return new PlaceOrderAnswer.Refused(OrderErrors.OutOfStock(command, soldOutProducts));
        }

        var placedAt = clock.GetUtcNow().UtcDateTime;
        var orderId = Guid.CreateVersion7(placedAt);
        var lines = command.Lines.Select(line => new PricedLine(line.ProductId, line.Quantity, products[line.ProductId].Price)).ToList();
        var response = new PlacedOrderResponse(
            orderId, "PendingPayment", merchantId, OrderingLimits.TotalOf(lines.Select(line => (line.UnitPrice, line.Quantity))),
            lines.Select(line => new PlacedOrderLine(line.ProductId, line.Quantity, line.UnitPrice)).ToList(), placedAt);
        var pending = new PendingOrder(
            orderId, command.CustomerId, merchantId, organizationId, lines, command.CardToken, command.IdempotencyKey, RequestHash(command),
            JsonSerializer.Serialize(response, Json), placedAt);

        return await batcher.PlaceAsync(pending) switch
        {
            PlacementOutcome.Answered answered => new PlaceOrderAnswer.Stored(answered.StatusCode, answered.Body),
            PlacementOutcome.OutOfStock outOfStock => new PlaceOrderAnswer.Refused(OrderErrors.OutOfStock(command, outOfStock.ShortProducts)),
            PlacementOutcome.KeyReused => new PlaceOrderAnswer.Refused(Error.Unprocessable(
                "ordering.idempotency_key_reused", "This Idempotency-Key was already used with a different request.")),
            var other => throw new InvalidOperationException($"Unexpected placement outcome {other}."),
        };
    }

    /// <summary>Every product must be known and on sale, and all sold by one merchant (also used by bulk orders).</summary>
    public static Guid SingleMerchantOf(IReadOnlyList<PlaceOrderLine> lines, IReadOnlyDictionary<Guid, ProductSnapshot> products)
    {
        var unavailable = lines.Where(line => !products.TryGetValue(line.ProductId, out var product) || !product.IsActive)
            .Select(line => line.ProductId).ToList();
        if (unavailable.Count > 0)
        {
            throw new DomainException(Error.Unprocessable("ordering.unknown_products", "Some products are unknown or not on sale.") with
            {
                Details = new Dictionary<string, object?> { ["productIds"] = unavailable },
            });
        }

        var merchants = lines.Select(line => products[line.ProductId].MerchantId).Distinct().ToList();
        return merchants.Count == 1
            ? merchants[0]
            : throw new DomainException(Error.Unprocessable("ordering.multiple_merchants", "All lines of an order must be sold by one merchant."));
    }

    /// <summary>What makes two requests "the same" for an Idempotency-Key: the lines in order and the card token.</summary>
    private static string RequestHash(PlaceOrderCommand command)
    {
        var canonical = JsonSerializer.Serialize(new { command.Lines, command.CardToken }, Json);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
