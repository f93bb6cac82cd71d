namespace Modular.Acquisition.Domain;

internal enum PaymentStatus
{
    /// <summary>Stored, the card network is being asked.</summary>
    Pending,
    Approved,
    Declined,

    /// <summary>The network did not answer in time; nothing was told to the caller, whose own timeout decides.</summary>
    NoAnswer,
    Canceled,
}
