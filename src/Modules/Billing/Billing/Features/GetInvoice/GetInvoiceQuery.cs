using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Billing.Features.GetInvoice;

/// <summary>
/// The detail comes from the write model, like the PDF: right after an issue or a send the caller sees the same status
/// the mail went out with, not a projection that is a few milliseconds behind.
/// </summary>
internal sealed record GetInvoiceQuery(Guid InvoiceId) : IQuery<InvoiceDetail>;
