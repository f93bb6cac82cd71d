using Modular.Acquisition.Contracts;
using Modular.Acquisition.Domain;
using Modular.Acquisition.Infrastructure;

namespace Modular.Acquisition.Features;

/// <summary>A merchant's state as the read side and other modules hear it, after every change.</summary>
internal static class MerchantRecords
{
    public static void PublishRecorded(this AcquisitionDbContext db, Merchant merchant) => db.Publish(Of(merchant));

    public static MerchantRecorded Of(Merchant merchant) => new(
        merchant.Id, merchant.OrganizationId, merchant.Name, merchant.BusinessRegistrationNumber, merchant.FeeRate, merchant.VatRule.ToString(),
        merchant.SettlementCycle.ToString(), merchant.Status.ToString(), merchant.CreatedAt.AsUtc(), merchant.UpdatedAt.AsUtc(), merchant.Version);
}
