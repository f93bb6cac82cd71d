using Microsoft.EntityFrameworkCore;
using Modular.Acquisition.Features;
using Modular.Acquisition.Infrastructure;

namespace Modular.Acquisition.ReadModels;

/// <summary>Merchant documents rebuilt from the write model; the higher version wins, as in the projection.</summary>
internal static class MerchantRebuild
{
    public const string Table = "acquisition.merchants";

    public static async Task<IReadOnlyCollection<MerchantDocument>> LoadAsync(AcquisitionDbContext db, Guid[] ids, CancellationToken cancellationToken) =>
        (await db.Merchants.Where(merchant => ids.Contains(merchant.Id)).ToListAsync(cancellationToken))
        .Select(merchant => MerchantDocument.From(MerchantRecords.Of(merchant)))
        .ToList();
}
