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
