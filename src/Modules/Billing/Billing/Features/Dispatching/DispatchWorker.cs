using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Modular.Billing.Domain;
using Modular.Billing.Infrastructure;
using Modular.Billing.Pdf;
using Modular.BuildingBlocks.Infrastructure.Email;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.IAM.Contracts;

namespace Modular.Billing.Features.Dispatching;

/// <summary>
/// Billing's dispatch process. Each running dispatch is worked by one instance at a time (a session advisory lock,
/// released by PostgreSQL when the holder dies), in chunks of <see cref="BillingOptions.DispatchChunkSize"/>: one query
/// loads the chunk's invoices, one batched IAM request their recipients, then up to
/// <see cref="BillingOptions.DispatchParallelism"/> invoices at a time are rendered and mailed, the next chunk read while
/// the last ones of this chunk are in flight (the e-mail sender's token bucket paces them, its retries absorb 4xx replies). Per invoice, "Sending" is committed before the SMTP call and "Sent"
/// after it; see <see cref="SendOneAsync"/> for the window in between.
/// </summary>
internal sealed class DispatchWorker(
    IServiceScopeFactory scopes, ModuleDataSource<BillingDbContext> database, DispatchSignal signal, IOptions<BillingOptions> options,
    ILogger<DispatchWorker> logger) : BackgroundService
{
    /// <summary>The advisory lock class of dispatches (the object is the dispatch id's hash; a collision only serializes two dispatches).</summary>
    private const int LockClass = 22_0001;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
                await signal.WaitAsync(options.Value.DispatchPollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "A dispatch pass failed; it resumes on the next pass");
                await Task.Delay(options.Value.DispatchPollInterval, stoppingToken);
            }
        }
    }

    private async Task RunDueAsync(CancellationToken cancellationToken)
    {
        List<Guid> running;
        await using (var scope = scopes.CreateAsyncScope())
        {
            running = await scope.ServiceProvider.GetRequiredService<BillingDbContext>().Database.SqlQuery<Guid>($"""
                SELECT id AS "Value" FROM billing.dispatches WHERE status = {DispatchStatus.Running} ORDER BY created_at
                """).ToListAsync(cancellationToken);
        }

        foreach (var dispatchId in running)
        {
            await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
            await using var tryLock = connection.CreateCommand();
            tryLock.CommandText = $"SELECT pg_try_advisory_lock({LockClass}, {dispatchId.GetHashCode()})";
            if (await tryLock.ExecuteScalarAsync(cancellationToken) is not true)
            {
                continue;
            }

            // A session lock: a pooled connection keeps it when returned, so it is released explicitly (a dead session frees it anyway).
            try
            {
                await WorkAsync(dispatchId, cancellationToken);
            }
            finally
            {
                await using var unlock = connection.CreateCommand();
                unlock.CommandText = $"SELECT pg_advisory_unlock({LockClass}, {dispatchId.GetHashCode()})";
                await unlock.ExecuteScalarAsync(CancellationToken.None);
            }
        }
    }

    private async Task WorkAsync(Guid dispatchId, CancellationToken cancellationToken)
    {
        await RecoverInterruptedAsync(dispatchId, cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.DispatchParallelism, CancellationToken = cancellationToken };
        // A pass walks the Pending items once in position order; items an operator retried behind it meanwhile are
        // Pending again, so passes repeat until one finds nothing (or the dispatch stopped running).
        while (!cancellationToken.IsCancellationRequested)
        {
            var found = 0;
            await Parallel.ForEachAsync(PendingItemsAsync(dispatchId, cancellationToken), parallel, async (item, token) =>
            {
                Interlocked.Increment(ref found);
                await SendOneAsync(dispatchId, item.InvoiceId, item.Invoice, item.Recipient, token);
            });
            if (found == 0)
            {
                await using var scope = scopes.CreateAsyncScope();
                await CompleteAsync(scope.ServiceProvider.GetRequiredService<BillingDbContext>(), dispatchId, cancellationToken);
                return;
            }
        }
    }

    /// <summary>
    /// The dispatch's Pending items, a chunk at a time: one query for the chunk's invoices and one IAM request for their
    /// recipients. The next chunk is read when the loop takes the first item past this one, while this chunk's last
    /// invoices are still being mailed, so the relay never idles between chunks. A keyset on position keeps a chunk from
    /// returning items of the one before that are still being rendered.
    /// </summary>
    private async IAsyncEnumerable<PendingItem> PendingItemsAsync(Guid dispatchId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = -1;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>();
            var chunk = await db.Database.SqlQuery<ChunkItem>($"""
                SELECT invoice_id AS "InvoiceId", position AS "Position" FROM billing.dispatch_items
                 WHERE dispatch_id = {dispatchId} AND status = {ItemStatus.Pending} AND position > {after}
                   AND EXISTS (SELECT 1 FROM billing.dispatches WHERE id = {dispatchId} AND status = {DispatchStatus.Running})
                 ORDER BY position LIMIT {options.Value.DispatchChunkSize}
                """).ToListAsync(cancellationToken);
            if (chunk.Count == 0)
            {
                yield break;
            }

            after = chunk[^1].Position;
            var ids = chunk.Select(item => item.InvoiceId).ToList();
            var invoices = await db.Invoices.Where(invoice => ids.Contains(invoice.Id)).ToDictionaryAsync(invoice => invoice.Id, cancellationToken);
            var organizations = invoices.Values.Select(invoice => invoice.OrganizationId).Distinct().ToList();
            var contacts = (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetOrganizationContacts(organizations), cancellationToken))
                .ToDictionary(organization => organization.OrganizationId);
            await db.Database.ExecuteSqlAsync(
                $"UPDATE billing.dispatches SET contact_lookups = contact_lookups + 1 WHERE id = {dispatchId}", cancellationToken);
            foreach (var invoiceId in ids)
            {
                var invoice = invoices.GetValueOrDefault(invoiceId);
                yield return new PendingItem(invoiceId, invoice, invoice is null ? null : InvoiceMail.RecipientOf(contacts.GetValueOrDefault(invoice.OrganizationId)));
            }
        }
    }

    /// <summary>
    /// One invoice. The window: after "Sending" commits and before "Sent" commits, a crash leaves the item Sending, and
    /// whether the SMTP server accepted the mail is unknown. The next run marks such items Failed with
    /// billing.outcome_unknown (the invoice SendFailed) instead of sending again: at most once, never twice. An operator
    /// retries them explicitly (includeUnknown); the mail then carries the same Message-ID. The window is one SMTP
    /// transaction per in-flight invoice, at most DispatchParallelism of them.
    /// </summary>
    private async Task SendOneAsync(Guid dispatchId, Guid invoiceId, Invoice? invoice, string? recipient, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var outcomes = new DispatchOutcomes(services.GetRequiredService<BillingDbContext>(), services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<BuildingBlocks.Infrastructure.Messaging.Outbox.OutboxSignals>(), services.GetRequiredService<BillingMetrics>());
        if (invoice is not { IsSendable: true })
        {
            await outcomes.SkipAsync(dispatchId, invoiceId, $"The invoice is {invoice?.Status.ToString() ?? "gone"}; only issued invoices are mailed.", cancellationToken);
            return;
        }

        if (recipient is null)
        {
            await outcomes.FailAsync(dispatchId, invoice, "billing.no_recipient: the organization has no contact to mail the invoice to.", cancellationToken);
            return;
        }

        byte[] pdf;
        try
        {
            pdf = await services.GetRequiredService<PdfRenderer>().RenderAsync(InvoiceHtml.Of(invoice), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Rendering invoice {InvoiceId} failed", invoiceId);
            await outcomes.FailAsync(dispatchId, invoice, $"billing.pdf_failed: {exception.Message}", cancellationToken);
            return;
        }

        if (!await outcomes.StartSendingAsync(dispatchId, invoiceId, recipient, cancellationToken))
        {
            return;
        }

        // From here on the outcome must be recorded whatever happens to the host's stopping token.
        try
        {
            await services.GetRequiredService<IEmailSender>().SendAsync(InvoiceMail.Of(invoice, recipient, pdf), CancellationToken.None);
        }
        catch (EmailDeliveryException exception)
        {
            await outcomes.FailAsync(dispatchId, invoice, $"billing.mail_refused: {exception.Message}", CancellationToken.None);
            return;
        }

        await outcomes.SentAsync(dispatchId, invoice, CancellationToken.None);
    }

    /// <summary>Items left Sending by a run that died (this instance holds the dispatch's lock, so nobody is sending them now).</summary>
    private async Task RecoverInterruptedAsync(Guid dispatchId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<BillingDbContext>();
        var interrupted = await db.Database.SqlQuery<Guid>($"""
            SELECT invoice_id AS "Value" FROM billing.dispatch_items WHERE dispatch_id = {dispatchId} AND status = {ItemStatus.Sending}
            """).ToListAsync(cancellationToken);
        foreach (var invoice in await db.Invoices.Where(invoice => interrupted.Contains(invoice.Id)).ToListAsync(cancellationToken))
        {
            logger.LogWarning("Invoice {InvoiceId} of dispatch {DispatchId} was being mailed when a run stopped; its outcome is unknown", invoice.Id, dispatchId);
            await using var itemScope = scopes.CreateAsyncScope();
            var outcomes = new DispatchOutcomes(itemScope.ServiceProvider.GetRequiredService<BillingDbContext>(), services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<BuildingBlocks.Infrastructure.Messaging.Outbox.OutboxSignals>(), services.GetRequiredService<BillingMetrics>());
            await outcomes.FailAsync(dispatchId, invoice, DispatchOutcomes.OutcomeUnknown, cancellationToken);
        }
    }

    private static async Task CompleteAsync(BillingDbContext db, Guid dispatchId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            UPDATE billing.dispatches SET status = {DispatchStatus.Completed}, finished_at = now(), updated_at = now()
             WHERE id = {dispatchId} AND status = {DispatchStatus.Running}
               AND NOT EXISTS (SELECT 1 FROM billing.dispatch_items WHERE dispatch_id = {dispatchId} AND status IN ({ItemStatus.Pending}, {ItemStatus.Sending}))
            """, cancellationToken);

    private sealed record ChunkItem(Guid InvoiceId, int Position);

    private sealed record PendingItem(Guid InvoiceId, Invoice? Invoice, string? Recipient);
}
