namespace Modular.Billing.Domain;

/// <summary>Draft → Issued → Sent or SendFailed (which a later dispatch may still send), and Void from Draft, Issued or SendFailed.</summary>
internal enum InvoiceStatus
{
    Draft,
    Issued,
    Sent,
    SendFailed,
    Void,
}

internal enum InvoiceKind
{
    Invoice,
    CreditNote,
}
