using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Ordering.Features.PlaceOrder;

internal static class OrderErrors
{
    /// <summary>409 naming each short line (its position in the request from 1, as bulk orders number lines; product and requested quantity).</summary>
    public static Error OutOfStock(PlaceOrderCommand command, IReadOnlyCollection<Guid> shortProducts) =>
        Error.Conflict("ordering.out_of_stock", "Not enough stock for some lines; nothing was reserved.") with
        {
            Details = new Dictionary<string, object?>
            {
                ["shortLines"] = command.Lines
                    .Select((line, index) => (line, index))
                    .Where(entry => shortProducts.Contains(entry.line.ProductId))
                    .Select(entry => new ShortLine(entry.index + 1, entry.line.ProductId, entry.line.Quantity))
                    .ToList(),
            },
        };

    internal sealed record ShortLine(int Line, Guid ProductId, int Quantity);
}
