using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Billing.Features.GetInvoicePdf;

/// <summary>The invoice rendered as the PDF its mail carries.</summary>
internal sealed record GetInvoicePdfQuery(Guid InvoiceId) : IQuery<InvoicePdf>;

internal sealed record InvoicePdf(string FileName, byte[] Content);
