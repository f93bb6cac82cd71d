using Modular.Billing.Features.GetInvoice;
using Modular.BuildingBlocks.Application.Messaging;

namespace Modular.Billing.Features.VoidInvoice;

/// <summary>Voids a Draft, Issued or SendFailed invoice; a sent one is corrected by a credit note instead.</summary>
internal sealed record VoidInvoiceCommand(Guid InvoiceId) : ICommand<InvoiceDetail>;
