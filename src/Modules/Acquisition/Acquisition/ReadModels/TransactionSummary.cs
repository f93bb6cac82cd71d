using Npgsql;

namespace Modular.Acquisition.ReadModels;

internal sealed record TransactionSummary(
    Guid Id,
    Guid MerchantId,
    Guid Reference,
    long Amount,
    string? CardBin,
    string? CardLast4,
    string Status,
    string? ApprovalNumber,
    string? DeclineCode,
    DateTime RequestedAt,
    DateTime? ApprovedAt,
    DateTime? DeclinedAt,
    DateTime? CanceledAt)
{
    public const string Columns =
        "id, merchant_id, reference, amount, card_bin, card_last4, status, approval_number, decline_code, requested_at, approved_at, declined_at, canceled_at";

    public static TransactionSummary Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetInt64(3), Text(reader, 4), Text(reader, 5), reader.GetString(6),
        Text(reader, 7), Text(reader, 8), reader.GetDateTime(9), Time(reader, 10), Time(reader, 11), Time(reader, 12));

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTime? Time(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDateTime(ordinal);
}

/// <summary>A page of transactions, newest request first; pass <see cref="NextBefore"/> as <c>before</c> for the next page.</summary>
internal sealed record TransactionPage(IReadOnlyList<TransactionSummary> Items, Guid? NextBefore)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static async Task<TransactionPage> ReadAsync(NpgsqlCommand command, int limit, CancellationToken cancellationToken)
    {
        var items = new List<TransactionSummary>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(TransactionSummary.Read(reader));
        }

        return new TransactionPage(items, items.Count == limit ? items[^1].Id : null);
    }
}
