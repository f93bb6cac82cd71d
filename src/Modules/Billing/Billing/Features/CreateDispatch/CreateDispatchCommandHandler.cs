using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Billing.Domain;
using Modular.Billing.Features.GetDispatch;
using Modular.Billing.Infrastructure;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Billing.Features.CreateDispatch;

/// <summary>
/// Resolves the selection on the write model (a filter is read where the statuses are current, served by
/// invoices_by_month_status), checks every id, and stores the dispatch and its items in the command's transaction;
/// the worker picks it up after the commit.
/// </summary>
internal sealed class CreateDispatchCommandHandler(BillingDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<CreateDispatchCommand, DispatchProgress>
{
    public async Task<DispatchProgress> Handle(CreateDispatchCommand command, CancellationToken cancellationToken)
    {
        var ids = command.InvoiceIds is { } selected ? selected.Distinct().ToList() : await MatchingAsync(command.Filter!, cancellationToken);
        if (ids.Count == 0)
        {
            throw new DomainException(Error.Unprocessable("billing.dispatch_empty", "No mailable invoice matches the filter."));
        }

        if (ids.Count > CreateDispatchCommand.MaxInvoices)
        {
            throw new DomainException(Error.Unprocessable(
                "billing.dispatch_too_large", $"A dispatch mails at most {CreateDispatchCommand.MaxInvoices} invoices; {ids.Count} match."));
        }

        var statuses = await db.Invoices.Where(invoice => ids.Contains(invoice.Id))
            .Select(invoice => new { invoice.Id, invoice.Status }).ToDictionaryAsync(invoice => invoice.Id, invoice => invoice.Status, cancellationToken);
        var refused = ids.Where(id => statuses.GetValueOrDefault(id, InvoiceStatus.Void) is not (InvoiceStatus.Issued or InvoiceStatus.SendFailed))
            .Select(id => new RefusedInvoice(id, statuses.TryGetValue(id, out var status) ? status.ToString() : "NotFound")).ToList();
        if (refused.Count > 0)
        {
            throw new DomainException(Error.Unprocessable(
                "billing.invoices_not_mailable", $"{refused.Count} of {ids.Count} invoices cannot be mailed (only Issued and SendFailed ones can); nothing was started.") with
            {
                Details = new Dictionary<string, object?> { ["invoices"] = refused },
            });
        }

        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow().UtcDateTime;
        await DispatchRows.InsertAsync(db, id, user.UserId, ids, now, cancellationToken);
        return new DispatchProgress(id, DispatchStatus.Running, ids.Count, 0, 0, 0, 0, ids.Count, 0, now, null);
    }

    private async Task<List<Guid>> MatchingAsync(DispatchFilter filter, CancellationToken cancellationToken)
    {
        var month = BillingMonth.Parse(filter.Month!);
        var invoices = db.Invoices.Where(invoice => invoice.Month == month);
        invoices = filter.Status switch
        {
            "Issued" => invoices.Where(invoice => invoice.Status == InvoiceStatus.Issued),
            "SendFailed" => invoices.Where(invoice => invoice.Status == InvoiceStatus.SendFailed),
            _ => invoices.Where(invoice => invoice.Status == InvoiceStatus.Issued || invoice.Status == InvoiceStatus.SendFailed),
        };
        if (filter.OrganizationId is { } organizationId)
        {
            invoices = invoices.Where(invoice => invoice.OrganizationId == organizationId);
        }

        return await invoices.OrderBy(invoice => invoice.Id).Select(invoice => invoice.Id).Take(CreateDispatchCommand.MaxInvoices + 1).ToListAsync(cancellationToken);
    }

    private sealed record RefusedInvoice(Guid InvoiceId, string Status);
}
