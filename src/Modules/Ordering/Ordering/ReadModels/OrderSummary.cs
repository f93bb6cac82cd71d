using System.Text.Json;
using Npgsql;

namespace Modular.Ordering.ReadModels;

internal sealed record OrderSummary(Guid Id, Guid CustomerId, Guid MerchantId, string Status, long Total, JsonElement Lines, DateTime PlacedAt, DateTime UpdatedAt)
{
    public const string Columns = "id, customer_id, merchant_id, status, total, lines, placed_at, updated_at";

    public static OrderSummary Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetInt64(4),
        JsonDocument.Parse(reader.GetString(5)).RootElement.Clone(), reader.GetDateTime(6), reader.GetDateTime(7));
}

/// <summary>A page of orders, newest first; pass <see cref="NextBefore"/> as <c>before</c> for the next page.</summary>
internal sealed record OrderPage(IReadOnlyList<OrderSummary> Items, Guid? NextBefore)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static async Task<OrderPage> ReadAsync(NpgsqlCommand command, int limit, CancellationToken cancellationToken)
    {
        var items = new List<OrderSummary>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(OrderSummary.Read(reader));
        }

        return new OrderPage(items, items.Count == limit ? items[^1].Id : null);
    }
}
