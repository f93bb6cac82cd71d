using Microsoft.EntityFrameworkCore;
using Modular.Acquisition.Infrastructure;

namespace Modular.Acquisition.ReadModels;

/// <summary>Payment transaction documents rebuilt from the write model; the higher version wins, as in the projection.</summary>
internal static class PaymentTransactionRebuild
{
    public const string Table = "acquisition.payment_transactions";

    public static async Task<IReadOnlyCollection<PaymentTransactionDocument>> LoadAsync(AcquisitionDbContext db, Guid[] ids, CancellationToken cancellationToken) =>
        (await db.Payments.Where(payment => ids.Contains(payment.Id)).ToListAsync(cancellationToken))
        .Select(payment => new PaymentTransactionDocument
        {
            Id = payment.Id,
            MerchantId = payment.MerchantId,
            OrganizationId = payment.OrganizationId,
            Reference = payment.Reference,
            Amount = payment.Amount,
            CardBin = payment.CardBin,
            CardLast4 = payment.CardLast4,
            Status = payment.Status.ToString(),
            ApprovalNumber = payment.ApprovalNumber,
            DeclineCode = payment.DeclineCode,
            RequestedAt = payment.RequestedAt,
            ApprovedAt = payment.ApprovedAt,
            DeclinedAt = payment.DeclinedAt,
            CanceledAt = payment.CanceledAt,
            Version = payment.Version,
        })
        .ToList();
}
