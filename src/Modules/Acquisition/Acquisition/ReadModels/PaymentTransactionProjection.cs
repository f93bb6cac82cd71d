using MassTransit;
using Microsoft.EntityFrameworkCore;
using Modular.Acquisition.Contracts;
using Modular.Acquisition.Infrastructure;

namespace Modular.Acquisition.ReadModels;

/// <summary>
/// Keeps acquisition_read.payment_transactions at the highest version seen, a batch of events per statement: an older
/// or repeated state arriving late changes nothing, so the projection is idempotent in any arrival order.
/// </summary>
internal sealed class PaymentTransactionProjection(AcquisitionDbContext db) : IConsumer<Batch<PaymentTransactionRecorded>>
{
    private const string Upsert = """
        INSERT INTO acquisition_read.payment_transactions AS t
            (id, merchant_id, organization_id, reference, amount, card_bin, card_last4, status, approval_number, decline_code,
             requested_at, approved_at, declined_at, canceled_at, version)
        SELECT * FROM unnest({0}::uuid[], {1}::uuid[], {2}::uuid[], {3}::uuid[], {4}::bigint[], {5}::text[], {6}::text[], {7}::text[],
                             {8}::text[], {9}::text[], {10}::timestamptz[], {11}::timestamptz[], {12}::timestamptz[], {13}::timestamptz[], {14}::integer[])
        ON CONFLICT (id) DO UPDATE SET
            card_bin = EXCLUDED.card_bin, card_last4 = EXCLUDED.card_last4, status = EXCLUDED.status,
            approval_number = EXCLUDED.approval_number, decline_code = EXCLUDED.decline_code, approved_at = EXCLUDED.approved_at,
            declined_at = EXCLUDED.declined_at, canceled_at = EXCLUDED.canceled_at, version = EXCLUDED.version
        WHERE t.version < EXCLUDED.version
        """;

    public Task Consume(ConsumeContext<Batch<PaymentTransactionRecorded>> context)
    {
        // One row per payment (an upsert may touch a row once per statement): its latest state in this batch.
        var payments = context.Message
            .Select(recorded => recorded.Message)
            .GroupBy(payment => payment.PaymentId)
            .Select(states => states.MaxBy(payment => payment.Version)!)
            .ToList();
        return db.Database.ExecuteSqlRawAsync(Upsert,
            [Column(payments, payment => payment.PaymentId), Column(payments, payment => payment.MerchantId),
             Column(payments, payment => payment.OrganizationId), Column(payments, payment => payment.Reference),
             Column(payments, payment => payment.Amount), Column(payments, payment => payment.CardBin),
             Column(payments, payment => payment.CardLast4), Column(payments, payment => payment.Status),
             Column(payments, payment => payment.ApprovalNumber), Column(payments, payment => payment.DeclineCode),
             Column(payments, payment => payment.RequestedAt.UtcDateTime), Column(payments, payment => payment.ApprovedAt?.UtcDateTime),
             Column(payments, payment => payment.DeclinedAt?.UtcDateTime), Column(payments, payment => payment.CanceledAt?.UtcDateTime),
             Column(payments, payment => payment.Version)],
            context.CancellationToken);
    }

    private static T[] Column<T>(List<PaymentTransactionRecorded> payments, Func<PaymentTransactionRecorded, T> value) => payments.Select(value).ToArray();
}
