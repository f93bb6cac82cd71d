using MassTransit;
using Microsoft.EntityFrameworkCore;
using Modular.Acquisition.Contracts;
using Modular.Acquisition.Domain;
using Modular.Acquisition.Infrastructure;

namespace Modular.Acquisition.Features.AuthorizePayment;

/// <summary>
/// Records authorization requests, a batch per transaction (a trigger wakes the authorizers at commit), and leaves the
/// network calls to the <see cref="PaymentAuthorizer"/> so no connection or row lock is held while the network thinks.
/// A repeated request for the same (merchant, reference), in this batch or before it, gets the first outcome again; a
/// concurrent duplicate in another batch fails on the unique index, the batch is retried and then does the same.
/// </summary>
internal sealed class AuthorizePaymentConsumer(AcquisitionDbContext db, AcquisitionMetrics metrics, TimeProvider clock) : IConsumer<Batch<Contracts.AuthorizePayment>>
{
    public async Task Consume(ConsumeContext<Batch<Contracts.AuthorizePayment>> context)
    {
        var requests = context.Message.Select(request => request.Message).ToList();
        var merchantIds = requests.Select(request => request.MerchantId).Distinct().ToList();
        var references = requests.Select(request => request.Reference).Distinct().ToList();
        // One query each for the whole batch: earlier requests of these references, and their merchants.
        var payments = (await db.Payments.AsTracking()
                .Where(payment => merchantIds.Contains(payment.MerchantId) && references.Contains(payment.Reference))
                .ToListAsync(context.CancellationToken))
            .ToDictionary(payment => (payment.MerchantId, payment.Reference));
        var merchants = (await db.Merchants.Where(merchant => merchantIds.Contains(merchant.Id)).ToListAsync(context.CancellationToken))
            .ToDictionary(merchant => merchant.Id);

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var request in requests)
        {
            Authorize(request, payments, merchants, now);
        }
    }

    private void Authorize(
        Contracts.AuthorizePayment request, Dictionary<(Guid, Guid), PaymentTransaction> payments, Dictionary<Guid, Merchant> merchants, DateTime now)
    {
        if (payments.TryGetValue((request.MerchantId, request.Reference), out var existing))
        {
            if (existing.RetryAfterNoAnswer())
            {
                db.PublishRecorded(existing);
            }

            db.Answer(existing, request.AnswerTo);
            return;
        }

        if (request.Amount <= 0)
        {
            db.Send(new PaymentDeclined(request.MerchantId, request.Reference, "payment.invalid_amount", "The amount must be positive.", now), request.AnswerTo);
            metrics.Declined("payment.invalid_amount");
            return;
        }

        if (!merchants.TryGetValue(request.MerchantId, out var merchant))
        {
            // Nothing to store: no merchant, no organization to show it to.
            db.Send(new PaymentDeclined(request.MerchantId, request.Reference, "merchant.unknown", "The merchant is not registered for acquiring.", now), request.AnswerTo);
            metrics.Declined("merchant.unknown");
            return;
        }

        var payment = merchant.AcceptsPayments
            ? PaymentTransaction.Request(merchant, request.Reference, request.Amount, request.CardToken, request.AnswerTo, now)
            : PaymentTransaction.Refuse(merchant, request.Reference, request.Amount, request.CardToken, request.AnswerTo, "merchant.suspended", "The merchant is suspended.", now);
        db.Payments.Add(payment);
        db.RememberTrace(payment);
        payments[(request.MerchantId, request.Reference)] = payment;
        metrics.Answered(payment);
        db.PublishRecorded(payment);
        db.Answer(payment, request.AnswerTo);
    }
}
