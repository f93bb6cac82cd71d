using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Domain.Errors;
using Modular.Ordering.Infrastructure;

namespace Modular.Ordering.Features.GetBulkOrder;

/// <summary>
/// Read from the write model, like the buyer's poll always was: the job and its lines are there the moment it is accepted
/// (the staff's list lags by a projection). The buyer sees its own jobs, merchant staff their organization's, operators all;
/// anyone else's answers 404, so their existence does not leak.
/// </summary>
internal sealed class GetBulkOrderQueryHandler(OrderingDbContext db, ICurrentUser user) : IRequestHandler<GetBulkOrderQuery, BulkOrderStatus>
{
    public async Task<BulkOrderStatus> Handle(GetBulkOrderQuery query, CancellationToken cancellationToken)
    {
        var isStaff = user.IsStaff();
        var organization = user.VisibleOrganization();
        var job = await db.Database.SqlQuery<BulkJobRow>(
                $"""
                 SELECT organization_id AS "OrganizationId", mode AS "Mode", status AS "Status", order_id AS "OrderId",
                        created_at AS "SubmittedAt", completed_at AS "CompletedAt"
                   FROM ordering.bulk_orders
                  WHERE id = {query.BulkOrderId}
                    AND (customer_id = {user.UserId} OR ({isStaff} AND ({organization}::uuid IS NULL OR organization_id = {organization})))
                 """)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException(Error.NotFound("ordering.bulk_order_not_found", $"Bulk order {query.BulkOrderId} was not found."));
        // One query for all lines with their product names (a job's products are Ordering's own rows).
        var lines = await db.Database.SqlQuery<BulkOrderLineResult>(
                $"""
                 SELECT l.line_no::int AS "Line", l.product_id AS "ProductId", p.name AS "ProductName", l.quantity AS "Quantity", l.result AS "Result"
                   FROM ordering.bulk_order_lines AS l LEFT JOIN ordering.products AS p ON p.id = l.product_id
                  WHERE l.bulk_order_id = {query.BulkOrderId}
                  ORDER BY l.line_no
                 """)
            .ToListAsync(cancellationToken);
        return new BulkOrderStatus(
            query.BulkOrderId, job.OrganizationId, job.Mode, job.Status, job.OrderId, job.SubmittedAt, job.CompletedAt, lines);
    }

    private sealed record BulkJobRow(Guid OrganizationId, string Mode, string Status, Guid? OrderId, DateTime SubmittedAt, DateTime? CompletedAt);
}
