using Microsoft.EntityFrameworkCore;
using Modular.Billing.Domain;
using Modular.Billing.Infrastructure;
using Modular.BuildingBlocks.Infrastructure.Messaging.Outbox;
using Npgsql;

namespace Modular.Billing.Features.Dispatching;

/// <summary>
/// Records one dispatch item's transitions, each a conditional UPDATE on the status it expects (a cancel or another run
/// never gets overwritten); an outcome that changes the invoice saves it and its InvoiceChanged in the same transaction.
/// </summary>
internal sealed class DispatchOutcomes(BillingDbContext db, TimeProvider clock, OutboxSignals outbox, BillingMetrics metrics)
{
    public const string OutcomeUnknown =
        "billing.outcome_unknown: the host stopped during the SMTP call, so the mail may have been delivered; check the mailbox before retrying.";

    /// <summary>
    /// Pending → Sending, committed on its own before the SMTP call. False when the dispatch was cancelled meanwhile, or when
    /// another dispatch is sending or has sent this invoice (dispatch_items_one_send_per_invoice); that item is Skipped.
    /// </summary>
    public async Task<bool> StartSendingAsync(Guid dispatchId, Guid invoiceId, string recipient, CancellationToken cancellationToken)
    {
        try
        {
            return await db.Database.ExecuteSqlAsync($"""
                UPDATE billing.dispatch_items SET status = {ItemStatus.Sending}, recipient = {recipient}, attempts = attempts + 1, updated_at = {Now}
                 WHERE dispatch_id = {dispatchId} AND invoice_id = {invoiceId} AND status = {ItemStatus.Pending}
                   AND EXISTS (SELECT 1 FROM billing.dispatches WHERE id = {dispatchId} AND status = {DispatchStatus.Running})
                """, cancellationToken) == 1;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await SkipAsync(dispatchId, invoiceId, "Another dispatch is mailing or has mailed this invoice.", cancellationToken);
            return false;
        }
    }

    public Task SkipAsync(Guid dispatchId, Guid invoiceId, string reason, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE billing.dispatch_items SET status = {ItemStatus.Skipped}, reason = {reason}, updated_at = {Now}
             WHERE dispatch_id = {dispatchId} AND invoice_id = {invoiceId} AND status = {ItemStatus.Pending}
            """, cancellationToken);

    /// <summary>Final for this item (a 5xx, a bad address, retries used up, no recipient, an unknown outcome); the invoice becomes SendFailed.</summary>
    public Task FailAsync(Guid dispatchId, Invoice invoice, string reason, CancellationToken cancellationToken) =>
        RecordAsync(dispatchId, invoice, ItemStatus.Failed, reason, [ItemStatus.Pending, ItemStatus.Sending],
            (tracked, now) => tracked.MarkSendFailed(reason, now), cancellationToken);

    public Task SentAsync(Guid dispatchId, Invoice invoice, CancellationToken cancellationToken) =>
        RecordAsync(dispatchId, invoice, ItemStatus.Sent, null, [ItemStatus.Sending], (tracked, now) => tracked.MarkSent(now), cancellationToken);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task RecordAsync(
        Guid dispatchId, Invoice invoice, string status, string? reason, string[] from, Action<Invoice, DateTime> change, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
        var recorded = await db.Database.ExecuteSqlAsync($"""
            UPDATE billing.dispatch_items SET status = {status}, reason = {reason}, updated_at = {now}
             WHERE dispatch_id = {dispatchId} AND invoice_id = {invoice.Id} AND status = ANY({from})
            """, cancellationToken);
        // The invoice row is locked and read fresh: a void or another change since the chunk was loaded is respected.
        var current = await db.Invoices.FromSql($"SELECT * FROM billing.invoices WHERE id = {invoice.Id} FOR UPDATE").AsTracking()
            .SingleAsync(cancellationToken);
        if (recorded == 1 && current.IsSendable)
        {
            change(current, now);
            db.Publish(InvoiceMessages.ChangedOf(current));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        outbox.Wake(BillingModule.ModuleName);
        if (recorded == 1 && status == ItemStatus.Sent)
        {
            metrics.Mailed();
        }
        else if (recorded == 1 && status == ItemStatus.Failed)
        {
            metrics.Failed(reason!);
        }
    }
}
