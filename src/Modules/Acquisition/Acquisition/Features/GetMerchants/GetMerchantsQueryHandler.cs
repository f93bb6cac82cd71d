using Marten;
using MediatR;
using Modular.Acquisition.Infrastructure;
using Modular.Acquisition.ReadModels;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Infrastructure.ReadModels;

namespace Modular.Acquisition.Features.GetMerchants;

/// <summary>
/// Newest first, keyset on the time-ordered id: a merchant admin's list through merchant_documents_by_organization,
/// operators' through the primary key.
/// </summary>
internal sealed class GetMerchantsQueryHandler(ReadStore<AcquisitionDbContext> store, ICurrentUser user)
    : IRequestHandler<GetMerchantsQuery, KeysetPage<MerchantResponse>>
{
    public async Task<KeysetPage<MerchantResponse>> Handle(GetMerchantsQuery query, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var merchants = session.Query<MerchantDocument>().AsQueryable();
        if (user.VisibleOrganization() is { } organizationId)
        {
            merchants = merchants.Where(merchant => merchant.OrganizationId == organizationId);
        }

        if (query.Before is { } before)
        {
            merchants = merchants.Where(merchant => merchant.Id < before);
        }

        return await merchants.OrderByDescending(merchant => merchant.Id).ToKeysetPageAsync(query.Limit, MerchantResponse.From, cancellationToken);
    }
}
