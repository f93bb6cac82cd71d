using MediatR;
using Modular.Billing.Infrastructure;
using Modular.Billing.Pdf;
using Modular.BuildingBlocks.Application.Security;

namespace Modular.Billing.Features.GetInvoicePdf;

internal sealed class GetInvoicePdfQueryHandler(BillingDbContext db, ICurrentUser user, PdfRenderer renderer) : IRequestHandler<GetInvoicePdfQuery, InvoicePdf>
{
    public async Task<InvoicePdf> Handle(GetInvoicePdfQuery query, CancellationToken cancellationToken)
    {
        var invoice = await db.VisibleAsync(user, query.InvoiceId, cancellationToken);
        return new InvoicePdf(InvoiceFiles.NameOf(invoice), await renderer.RenderAsync(InvoiceHtml.Of(invoice), cancellationToken));
    }
}
