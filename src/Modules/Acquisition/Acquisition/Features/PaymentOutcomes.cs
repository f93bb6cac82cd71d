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

    /// <summary>The answer to the AuthorizePayment that created the payment, for the endpoint that asked.</summary>
    public static void AnswerCaller(this AcquisitionDbContext db, PaymentTransaction payment) =>
        db.Answer(payment, payment.AnswerTo is { } answerTo ? new Uri(answerTo) : null);

    /// <summary>
    /// The answer to an AuthorizePayment, when there is one: approved (also when canceled since — that was the answer)
    /// or declined. Pending and NoAnswer have none yet. Sent to <paramref name="answerTo"/>; published when it is null
    /// (a payment stored before answers were addressed).
    /// </summary>
    public static void Answer(this AcquisitionDbContext db, PaymentTransaction payment, Uri? answerTo)
    {
        object? answer = payment.Status switch
        {
            PaymentStatus.Approved or PaymentStatus.Canceled => new PaymentAuthorized(
                payment.Id, payment.MerchantId, payment.Reference, payment.Amount, payment.ApprovalNumber!, Utc(payment.ApprovedAt!.Value)),
            PaymentStatus.Declined => new PaymentDeclined(
                payment.MerchantId, payment.Reference, payment.DeclineCode!, payment.DeclineReason!, Utc(payment.DeclinedAt!.Value)),
            _ => null,
        };
        if (answer is null)
        {
            return;
        }

        if (answerTo is null)
        {
            db.Publish(answer, db.TraceOf(payment));
        }
        else
        {
            db.Send(answer, answerTo, db.TraceOf(payment));
        }
    }

    public static void PublishCanceled(this AcquisitionDbContext db, PaymentTransaction payment) =>
        db.Publish(new PaymentCanceled(payment.Id, payment.MerchantId, payment.Reference, Utc(payment.CanceledAt!.Value)));

    // PostgreSQL keeps microseconds: a repeated answer, read back from the row, must equal the first one to the tick.
    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at.AddTicks(-(at.Ticks % 10)), DateTimeKind.Utc));

    private static DateTimeOffset? Utc(DateTime? at) => at is { } value ? Utc(value) : null;
}
