using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Billing.Features.IssueInvoices;

/// <summary>Issues the month's Drafts (all of them, or those of <see cref="InvoiceIds"/>): from then on they are immutable.</summary>
internal sealed record IssueInvoicesCommand(string Month, IReadOnlyList<Guid>? InvoiceIds) : ICommand<IssuedInvoices>
{
    public const int MaxIds = 5_000;
}

internal sealed record IssuedInvoices(int Issued);
