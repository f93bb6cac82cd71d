using Modular.Acquisition.Contracts;
using Modular.Acquisition.Domain;
using Modular.Acquisition.Infrastructure;

namespace Modular.Acquisition.Features;

/// <summary>The messages a payment transaction's state gives rise to, queued in the module outbox.</summary>
internal static class PaymentOutcomes
{
    /// <summary>Every change of a transaction: its new state for the read side.</summary>
    public static void PublishRecorded(this AcquisitionDbContext db, PaymentTransaction payment) => db.Publish(new PaymentTransactionRecorded(
        payment.Id, payment.MerchantId, payment.OrganizationId, payment.Reference, payment.Amount, payment.CardBin, payment.CardLast4,
        payment.Status.ToString(), payment.ApprovalNumber, payment.DeclineCode, Utc(payment.RequestedAt), Utc(payment.ApprovedAt),
        Utc(payment.DeclinedAt), Utc(payment.CanceledAt), payment.Version), db.TraceOf(payment));

    /// <summary>
    /// The answer to the caller's AuthorizePayment, when there is one: approved (also when canceled since — that was the
    /// answer) or declined. Pending and NoAnswer have none yet.
    /// </summary>
    public static void PublishAnswer(this AcquisitionDbContext db, PaymentTransaction payment)
    {
        switch (payment.Status)
        {
            case PaymentStatus.Approved or PaymentStatus.Canceled:
                db.Publish(new PaymentAuthorized(
                    payment.Id, payment.MerchantId, payment.Reference, payment.Amount, payment.ApprovalNumber!, Utc(payment.ApprovedAt!.Value)), db.TraceOf(payment));
                break;
            case PaymentStatus.Declined:
                db.Publish(new PaymentDeclined(payment.MerchantId, payment.Reference, payment.DeclineCode!, payment.DeclineReason!, Utc(payment.DeclinedAt!.Value)), db.TraceOf(payment));
                break;
        }
    }

    public static void PublishCanceled(this AcquisitionDbContext db, PaymentTransaction payment) =>
        db.Publish(new PaymentCanceled(payment.Id, payment.MerchantId, payment.Reference, Utc(payment.CanceledAt!.Value)));

    // PostgreSQL keeps microseconds: a repeated answer, read back from the row, must equal the first one to the tick.
    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at.AddTicks(-(at.Ticks % 10)), DateTimeKind.Utc));

    private static DateTimeOffset? Utc(DateTime? at) => at is { } value ? Utc(value) : null;
}
