using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Billing.Features.Dispatching;
using Modular.Billing.Features.GetDispatch;
using Modular.Billing.Infrastructure;

namespace Modular.Billing.Features.RetryDispatch;

internal sealed class RetryDispatchCommandHandler(BillingDbContext db, TimeProvider clock) : IRequestHandler<RetryDispatchCommand, DispatchProgress>
{
    public async Task<DispatchProgress> Handle(RetryDispatchCommand command, CancellationToken cancellationToken)
    {
        var dispatch = await DispatchRows.FindAsync(db, command.DispatchId, cancellationToken) ?? throw DispatchErrors.NotFound(command.DispatchId);
        if (dispatch.Status == DispatchStatus.Cancelled)
        {
            throw DispatchErrors.Cancelled(command.DispatchId);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var unknown = DispatchOutcomes.OutcomeUnknown;
        var retried = await db.Database.ExecuteSqlAsync($"""
            UPDATE billing.dispatch_items SET status = {ItemStatus.Pending}, updated_at = {now}
             WHERE dispatch_id = {command.DispatchId} AND status = {ItemStatus.Failed} AND ({command.IncludeUnknown} OR reason IS DISTINCT FROM {unknown})
            """, cancellationToken);
        if (retried > 0)
        {
            await db.Database.ExecuteSqlAsync($"""
                UPDATE billing.dispatches SET status = {DispatchStatus.Running}, finished_at = NULL, updated_at = {now} WHERE id = {command.DispatchId}
                """, cancellationToken);
        }

        return DispatchProgress.From((await DispatchRows.FindAsync(db, command.DispatchId, cancellationToken))!,
            await DispatchRows.CountsAsync(db, command.DispatchId, cancellationToken));
    }
}
