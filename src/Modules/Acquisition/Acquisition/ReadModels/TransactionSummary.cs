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
