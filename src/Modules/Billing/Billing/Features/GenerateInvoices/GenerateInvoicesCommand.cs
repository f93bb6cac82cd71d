using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Billing.Features.GenerateInvoices;

/// <summary>
/// Generates the month's invoice of every billing-customer organization with usage in it (or of one organization):
/// safe to repeat; a Draft is brought up to date, an issued invoice is left as it is.
/// </summary>
internal sealed record GenerateInvoicesCommand(string Month, Guid? OrganizationId) : ICommand<GeneratedInvoices>;

/// <summary>Kept: invoices already issued (immutable; correct them with a credit note). Skipped: organizations that are not active billing customers.</summary>
internal sealed record GeneratedInvoices(string Month, int Created, int Updated, int Unchanged, int Kept, int Skipped);
