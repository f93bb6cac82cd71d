using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Ordering.Infrastructure;

namespace Modular.Ordering.Features.GetBulkOrder;

internal sealed class GetBulkOrderQueryHandler(OrderingDbContext db) : IRequestHandler<GetBulkOrderQuery, BulkOrderStatus>
{
    public async Task<BulkOrderStatus> Handle(GetBulkOrderQuery query, CancellationToken cancellationToken)
    {
        var job = await db.Database.SqlQuery<BulkJobRow>(
                $"""SELECT mode AS "Mode", status AS "Status", order_id AS "OrderId" FROM ordering.bulk_orders WHERE id = {query.BulkOrderId} AND customer_id = {query.CustomerId}""")
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new BuildingBlocks.Domain.Errors.DomainException(BuildingBlocks.Domain.Errors.Error.NotFound(
                "ordering.bulk_order_not_found", $"Bulk order {query.BulkOrderId} was not found."));
        var lines = await db.Database.SqlQuery<BulkOrderLineResult>(
                $"""SELECT line_no::int AS "Line", product_id AS "ProductId", quantity AS "Quantity", result AS "Result" FROM ordering.bulk_order_lines WHERE bulk_order_id = {query.BulkOrderId} ORDER BY line_no""")
            .ToListAsync(cancellationToken);
        return new BulkOrderStatus(query.BulkOrderId, job.Mode, job.Status, job.OrderId, lines);
    }

    private sealed record BulkJobRow(string Mode, string Status, Guid? OrderId);
}
