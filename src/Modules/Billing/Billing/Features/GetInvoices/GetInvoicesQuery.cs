using Modular.BuildingBlocks.Application.Messaging;
using Modular.BuildingBlocks.Application.Paging;

namespace Modular.Billing.Features.GetInvoices;

/// <summary>The invoice list: every filter optional; amounts are totals in won, inclusive.</summary>
internal sealed record GetInvoicesQuery(string? Month, string? Status, Guid? OrganizationId, long? MinTotal, long? MaxTotal, Guid? Before, int Limit)
    : IQuery<KeysetPage<InvoiceListItem>>;

/// <summary>A row carries what the list screen shows and what a dispatch selection needs: no call per row.</summary>
internal sealed record InvoiceListItem(
    Guid Id, string Kind, Guid OrganizationId, string CustomerName, string Month, string Status, long Subtotal, long Vat, long Total, int Lines,
    Guid? CorrectsId, string? SendFailure, DateTimeOffset? IssuedAt, DateTimeOffset? SentAt);
