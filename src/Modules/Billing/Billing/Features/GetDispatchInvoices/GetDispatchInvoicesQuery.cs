using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Billing.Features.GetDispatchInvoices;

/// <summary>Each invoice's outcome in a dispatch (at most 5,000 rows, in selection order), optionally of one status.</summary>
internal sealed record GetDispatchInvoicesQuery(Guid DispatchId, string? Status) : IQuery<IReadOnlyList<DispatchInvoiceOutcome>>;

internal sealed record DispatchInvoiceOutcome(Guid InvoiceId, int Position, string Status, string? Recipient, string? Reason, int Attempts, DateTime UpdatedAt);
