using MassTransit;
using Microsoft.EntityFrameworkCore;
using Modular.Acquisition.Contracts;
using Modular.Acquisition.Infrastructure;

namespace Modular.Acquisition.Features.CancelPayment;

/// <summary>
/// Voids an approved payment (the sandbox network takes voids at once, so nothing waits on it here). A repeated cancel
/// answers PaymentCanceled again with the first cancel time; a reference without an approval is rejected.
/// </summary>
internal sealed class CancelPaymentConsumer(AcquisitionDbContext db, TimeProvider clock) : IConsumer<Contracts.CancelPayment>
{
    public async Task Consume(ConsumeContext<Contracts.CancelPayment> context)
    {
        var request = context.Message;
        var payment = await db.Payments.AsTracking()
            .FirstOrDefaultAsync(p => p.MerchantId == request.MerchantId && p.Reference == request.Reference, context.CancellationToken);
        var version = payment?.Version;
        if (payment is null || !payment.Cancel(clock.GetUtcNow().UtcDateTime))
        {
            db.Publish(new PaymentCancelRejected(request.MerchantId, request.Reference, "payment.not_found", "No approved payment exists for this reference."));
            return;
        }

        if (payment.Version != version)
        {
            db.PublishRecorded(payment);
        }

        db.PublishCanceled(payment);
    }
}
