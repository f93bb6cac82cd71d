using Marten;
using MediatR;
using Modular.BuildingBlocks.Application.Paging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.Ordering.Infrastructure;
using Modular.Ordering.ReadModels;

namespace Modular.Ordering.Features.SearchBulkOrders;

internal sealed class SearchBulkOrdersQueryHandler(ReadStore<OrderingDbContext> store, ICurrentUser user)
    : IRequestHandler<SearchBulkOrdersQuery, KeysetPage<BulkOrderSummary>>
{
    public async Task<KeysetPage<BulkOrderSummary>> Handle(SearchBulkOrdersQuery query, CancellationToken cancellationToken)
    {
        // Merchant staff see their organization (bulk_orders_by_organization, with a status bulk_orders_by_organization_status);
        // operators see all (the primary key, with a status bulk_orders_by_status). Newest first by the UUIDv7 id.
        await using var session = store.QuerySession();
        var bulkOrders = session.Query<BulkOrderDocument>().AsQueryable();
        if (user.VisibleOrganization() is { } organizationId)
        {
            bulkOrders = bulkOrders.Where(bulk => bulk.OrganizationId == organizationId);
        }

        if (query.Status is { } status)
        {
            bulkOrders = bulkOrders.Where(bulk => bulk.Status == status);
        }

        return await bulkOrders.ToNewestFirstPageAsync(query.Before, query.Limit, Summary, cancellationToken);
    }

    private static BulkOrderSummary Summary(BulkOrderDocument bulk) => new(
        bulk.Id, bulk.OrganizationId, bulk.CustomerId, bulk.Mode, bulk.Status, bulk.OrderId, bulk.LineCount, bulk.Reserved, bulk.Short,
        bulk.Released, bulk.SubmittedAt.UtcDateTime, bulk.CompletedAt?.UtcDateTime);
}
