using MediatR;
using Modular.Billing.Infrastructure;
using Modular.BuildingBlocks.Application.Security;

namespace Modular.Billing.Features.GetInvoice;

internal sealed class GetInvoiceQueryHandler(BillingDbContext db, ICurrentUser user) : IRequestHandler<GetInvoiceQuery, InvoiceDetail>
{
    public async Task<InvoiceDetail> Handle(GetInvoiceQuery query, CancellationToken cancellationToken) =>
        InvoiceDetail.From(await db.VisibleAsync(user, query.InvoiceId, cancellationToken));
}
