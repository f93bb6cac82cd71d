using Modular.Billing.Features.GetInvoice;
using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Billing.Features.CreateCreditNote;

/// <summary>Corrects an issued (or sent) invoice by <see cref="Amount"/> won of its subtotal; the note is issued at once.</summary>
internal sealed record CreateCreditNoteCommand(Guid InvoiceId, long Amount, string Reason) : ICommand<InvoiceDetail>;
