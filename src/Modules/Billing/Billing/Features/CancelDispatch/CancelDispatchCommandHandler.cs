using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Billing.Features.GetDispatch;
using Modular.Billing.Infrastructure;

namespace Modular.Billing.Features.CancelDispatch;

internal sealed class CancelDispatchCommandHandler(BillingDbContext db, TimeProvider clock) : IRequestHandler<CancelDispatchCommand, DispatchProgress>
{
    public async Task<DispatchProgress> Handle(CancelDispatchCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cancelled = await db.Database.ExecuteSqlAsync($"""
            UPDATE billing.dispatches SET status = {DispatchStatus.Cancelled}, finished_at = {now}, updated_at = {now}
             WHERE id = {command.DispatchId} AND status = {DispatchStatus.Running}
            """, cancellationToken);
        var dispatch = await DispatchRows.FindAsync(db, command.DispatchId, cancellationToken) ?? throw DispatchErrors.NotFound(command.DispatchId);
        if (cancelled == 0)
        {
            throw DispatchErrors.NotRunning(command.DispatchId, dispatch.Status);
        }

        await db.Database.ExecuteSqlAsync($"""
            UPDATE billing.dispatch_items SET status = {ItemStatus.Cancelled}, updated_at = {now}
             WHERE dispatch_id = {command.DispatchId} AND status = {ItemStatus.Pending}
            """, cancellationToken);
        return DispatchProgress.From(dispatch, await DispatchRows.CountsAsync(db, command.DispatchId, cancellationToken));
    }
}
