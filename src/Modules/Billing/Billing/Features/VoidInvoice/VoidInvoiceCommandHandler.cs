using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Billing.Features.GetInvoice;
using Modular.Billing.Infrastructure;

namespace Modular.Billing.Features.VoidInvoice;

internal sealed class VoidInvoiceCommandHandler(BillingDbContext db, TimeProvider clock) : IRequestHandler<VoidInvoiceCommand, InvoiceDetail>
{
    public async Task<InvoiceDetail> Handle(VoidInvoiceCommand command, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsTracking().SingleOrDefaultAsync(i => i.Id == command.InvoiceId, cancellationToken)
            ?? throw InvoiceErrors.NotFound(command.InvoiceId);
        invoice.MarkVoid(clock.GetUtcNow().UtcDateTime);
        db.Publish(InvoiceMessages.ChangedOf(invoice));
        return InvoiceDetail.From(invoice);
    }
}
