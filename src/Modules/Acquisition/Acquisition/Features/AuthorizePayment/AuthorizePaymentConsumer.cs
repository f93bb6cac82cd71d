using MassTransit;
using Microsoft.EntityFrameworkCore;
using Modular.Acquisition.Contracts;
using Modular.Acquisition.Domain;
using Modular.Acquisition.Infrastructure;

namespace Modular.Acquisition.Features.AuthorizePayment;

/// <summary>
/// Records the authorization request, in the message's transaction (a trigger wakes the authorizers at commit), and leaves the network call to the
/// <see cref="PaymentAuthorizer"/> so no connection or row lock is held while the network thinks. A repeated request
/// for the same (merchant, reference) gets the first outcome again; a concurrent duplicate fails on the unique index,
/// is retried and then does the same.
/// </summary>
internal sealed class AuthorizePaymentConsumer(AcquisitionDbContext db, TimeProvider clock) : IConsumer<Contracts.AuthorizePayment>
{
    public async Task Consume(ConsumeContext<Contracts.AuthorizePayment> context)
    {
        var request = context.Message;
        var cancellationToken = context.CancellationToken;
        var existing = await db.Payments.AsTracking()
            .FirstOrDefaultAsync(p => p.MerchantId == request.MerchantId && p.Reference == request.Reference, cancellationToken);
        if (existing is not null)
        {
            if (existing.RetryAfterNoAnswer())
            {
                db.PublishRecorded(existing);
            }

            db.PublishAnswer(existing);
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (request.Amount <= 0)
        {
            db.Publish(new PaymentDeclined(request.MerchantId, request.Reference, "payment.invalid_amount", "The amount must be positive.", now));
            return;
        }

        var merchant = await db.Merchants.FirstOrDefaultAsync(m => m.Id == request.MerchantId, cancellationToken);
        if (merchant is null)
        {
            // Nothing to store: no merchant, no organization to show it to.
            db.Publish(new PaymentDeclined(request.MerchantId, request.Reference, "merchant.unknown", "The merchant is not registered for acquiring.", now));
            return;
        }

        var payment = merchant.AcceptsPayments
            ? PaymentTransaction.Request(merchant, request.Reference, request.Amount, request.CardToken, now)
            : PaymentTransaction.Refuse(merchant, request.Reference, request.Amount, request.CardToken, "merchant.suspended", "The merchant is suspended.", now);
        db.Payments.Add(payment);
        db.PublishRecorded(payment);
        db.PublishAnswer(payment);
    }
}
