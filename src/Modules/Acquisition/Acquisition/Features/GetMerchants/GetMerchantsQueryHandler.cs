using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Acquisition.Infrastructure;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;

namespace Modular.Acquisition.Features.GetMerchants;

/// <summary>
/// Merchants are a small reference table without a separate read model: read without tracking, newest first, keyset on
/// the time-ordered id (merchants_by_organization for a merchant admin, the primary key for operators).
/// </summary>
internal sealed class GetMerchantsQueryHandler(AcquisitionDbContext db, ICurrentUser user) : IRequestHandler<GetMerchantsQuery, KeysetPage<MerchantResponse>>
{
    public async Task<KeysetPage<MerchantResponse>> Handle(GetMerchantsQuery query, CancellationToken cancellationToken)
    {
        var organization = user.VisibleOrganization();
        var merchants = await db.Merchants.FromSql($"""
                SELECT * FROM acquisition.merchants
                 WHERE ({organization}::uuid IS NULL OR organization_id = {organization})
                   AND ({query.Before}::uuid IS NULL OR id < {query.Before})
                 ORDER BY id DESC LIMIT {query.Limit}
                """)
            .ToListAsync(cancellationToken);
        return new KeysetPage<MerchantResponse>(
            merchants.Select(MerchantResponse.From).ToList(), merchants.Count == query.Limit ? merchants[^1].Id : null);
    }
}
