using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Billing.Domain;

/// <summary>The errors an invoice's invariants answer with.</summary>
internal static class InvoiceRules
{
    public static Error NotDraft(Guid id, InvoiceStatus status) =>
        Error.Conflict("billing.invoice_not_draft", $"Invoice {id} is {status}; only a Draft can be issued or changed.");

    public static Error CannotVoid(Guid id, InvoiceStatus status) =>
        Error.Conflict("billing.invoice_not_voidable", $"Invoice {id} is {status}; a sent invoice is corrected by a credit note, not voided.");

    public static Error NotCreditable(Guid id, InvoiceStatus status) =>
        Error.Conflict("billing.invoice_not_creditable", $"Invoice {id} is {status}; only an issued invoice takes a credit note.");

    public static Error CreditOutOfRange(long subtotal) =>
        Error.Unprocessable("billing.credit_out_of_range", $"A credit note is between 1 and the invoice's subtotal ({subtotal} won).");

    public static Error NotSendable(Guid id, InvoiceStatus status) =>
        Error.Conflict("billing.invoice_not_sendable", $"Invoice {id} is {status}; only an issued invoice (or one whose send failed) is mailed.");
}
