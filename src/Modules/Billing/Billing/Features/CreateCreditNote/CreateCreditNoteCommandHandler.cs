using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Billing.Features.GetInvoice;
using Modular.Billing.Infrastructure;

namespace Modular.Billing.Features.CreateCreditNote;

internal sealed class CreateCreditNoteCommandHandler(BillingDbContext db, TimeProvider clock) : IRequestHandler<CreateCreditNoteCommand, InvoiceDetail>
{
    public async Task<InvoiceDetail> Handle(CreateCreditNoteCommand command, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.SingleOrDefaultAsync(i => i.Id == command.InvoiceId, cancellationToken)
            ?? throw InvoiceErrors.NotFound(command.InvoiceId);
        var note = invoice.CreditNote(command.Amount, command.Reason, clock.GetUtcNow().UtcDateTime);
        db.Invoices.Add(note);
        db.Publish(InvoiceMessages.ChangedOf(note));
        return InvoiceDetail.From(note);
    }
}
