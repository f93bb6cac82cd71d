using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Acquisition.Contracts;
using Modular.Acquisition.Domain;
using Modular.Acquisition.Infrastructure;

namespace Modular.Acquisition.Features.GetUnansweredPayments;

/// <summary>NoAnswer is the only verdict of silence: the authorizer records it after the answer timeout of an actual call.</summary>
internal sealed class GetUnansweredPaymentsHandler(AcquisitionDbContext db)
    : IRequestHandler<Contracts.GetUnansweredPayments, IReadOnlySet<PaymentReference>>
{
    public async Task<IReadOnlySet<PaymentReference>> Handle(Contracts.GetUnansweredPayments request, CancellationToken cancellationToken)
    {
        var merchantIds = request.Payments.Select(payment => payment.MerchantId).Distinct().ToList();
        var references = request.Payments.Select(payment => payment.Reference).ToList();
        // Both lists keep the lookup on the (merchant_id, reference) index; the pairs are matched exactly below.
        var unanswered = await db.Payments
            .Where(payment => merchantIds.Contains(payment.MerchantId) && references.Contains(payment.Reference)
                              && payment.Status == PaymentStatus.NoAnswer)
            .Select(payment => new PaymentReference(payment.MerchantId, payment.Reference))
            .ToListAsync(cancellationToken);
        return unanswered.Intersect(request.Payments).ToHashSet();
    }
}
