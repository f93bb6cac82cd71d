using Modular.Billing.Features.GetDispatch;
using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Billing.Features.CreateDispatch;

/// <summary>
/// Mails the selected invoices (up to 5,000), or those matching <see cref="Filter"/>, in the background. Only issued
/// invoices and failed sends are mailable; any other id refuses the whole request (422, every refused id listed).
/// </summary>
internal sealed record CreateDispatchCommand(IReadOnlyList<Guid>? InvoiceIds, DispatchFilter? Filter) : ICommand<DispatchProgress>
{
    public const int MaxInvoices = 5_000;
}

/// <summary>A month's mailable invoices, optionally only Issued or only SendFailed ones, optionally of one organization.</summary>
internal sealed record DispatchFilter(string? Month, string? Status, Guid? OrganizationId);
