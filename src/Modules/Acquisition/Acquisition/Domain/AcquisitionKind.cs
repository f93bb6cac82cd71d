namespace Modular.Acquisition.Domain;

/// <summary>What an acquisition submits: an approved payment, or the cancellation of one acquired before.</summary>
internal enum AcquisitionKind
{
    Payment,
    Cancellation,
}
