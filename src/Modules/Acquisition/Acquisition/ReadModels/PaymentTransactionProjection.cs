using MassTransit;
using Microsoft.EntityFrameworkCore;
using Modular.Acquisition.Contracts;
using Modular.Acquisition.Infrastructure;

namespace Modular.Acquisition.ReadModels;

/// <summary>
/// Keeps acquisition_read.payment_transactions at the highest version seen: an older or repeated state arriving late
/// changes nothing, so the projection is idempotent in any arrival order.
/// </summary>
internal sealed class PaymentTransactionProjection(AcquisitionDbContext db) : IConsumer<PaymentTransactionRecorded>
{
    private const string Upsert = """
        INSERT INTO acquisition_read.payment_transactions AS t
            (id, merchant_id, organization_id, reference, amount, card_bin, card_last4, status, approval_number, decline_code,
             requested_at, approved_at, declined_at, canceled_at, version)
        VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}, {12}, {13}, {14})
        ON CONFLICT (id) DO UPDATE SET
            card_bin = EXCLUDED.card_bin, card_last4 = EXCLUDED.card_last4, status = EXCLUDED.status,
            approval_number = EXCLUDED.approval_number, decline_code = EXCLUDED.decline_code, approved_at = EXCLUDED.approved_at,
            declined_at = EXCLUDED.declined_at, canceled_at = EXCLUDED.canceled_at, version = EXCLUDED.version
        WHERE t.version < EXCLUDED.version
        """;

    public Task Consume(ConsumeContext<PaymentTransactionRecorded> context)
    {
        var payment = context.Message;
        return db.Database.ExecuteSqlRawAsync(Upsert,
            [payment.PaymentId, payment.MerchantId, payment.OrganizationId, payment.Reference, payment.Amount, Text(payment.CardBin),
             Text(payment.CardLast4), payment.Status, Text(payment.ApprovalNumber), Text(payment.DeclineCode), payment.RequestedAt.UtcDateTime,
             Time(payment.ApprovedAt), Time(payment.DeclinedAt), Time(payment.CanceledAt), payment.Version],
            context.CancellationToken);
    }

    private static Npgsql.NpgsqlParameter Text(string? value) =>
        new() { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static Npgsql.NpgsqlParameter Time(DateTimeOffset? value) =>
        new() { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz, Value = (object?)value?.UtcDateTime ?? DBNull.Value };
}
