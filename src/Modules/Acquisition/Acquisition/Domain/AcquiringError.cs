using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Acquisition.Domain;

internal enum AcquiringErrorStatus
{
    Open,
    Resolved,
    Abandoned,
}

/// <summary>
/// An item the acquiring loop could not acquire (acquisition.acquiring_errors), with every reason and the item as read.
/// The loop records and retries it (in bulk, Features/Acquire); operators retry it now, or close it with a note.
/// </summary>
internal sealed class AcquiringError
{
    private AcquiringError()
    {
    }

    public Guid Id { get; private set; }
    public Guid TransactionId { get; private set; }
    public string Kind { get; private set; } = "";
    public Guid? MerchantId { get; private set; }
    public string Code { get; private set; } = "";
    public List<string> Codes { get; private set; } = [];
    public string Message { get; private set; } = "";
    public string Reasons { get; private set; } = "[]";
    public string Payload { get; private set; } = "{}";
    public int RetryCount { get; private set; }
    public AcquiringErrorStatus Status { get; private set; }
    public DateTime FirstSeenAt { get; private set; }
    public DateTime LastSeenAt { get; private set; }
    public DateTime? NextRetryAt { get; private set; }
    public DateTime? AlertedAt { get; private set; }
    public string? Note { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>The next run retries it (an Abandoned error too: once more, then Abandoned again without a second alert in the window).</summary>
    public void RetryNow(DateTime now)
    {
        EnsureNotResolved();
        Status = AcquiringErrorStatus.Open;
        NextRetryAt = now;
        Version++;
    }

    /// <summary>An operator's verdict: Resolved (dealt with outside the loop) or Abandoned (never to be acquired). No alert is sent for it.</summary>
    public void Close(AcquiringErrorStatus status, string note, DateTime now)
    {
        EnsureNotResolved();
        if (status == AcquiringErrorStatus.Open)
        {
            throw new DomainException(Error.Unprocessable("acquisition.acquiring_error_status_invalid", "An error is closed as Resolved or Abandoned."));
        }

        Status = status;
        Note = note;
        ClosedAt = now;
        NextRetryAt = null;
        AlertedAt ??= now;
        Version++;
    }

    private void EnsureNotResolved()
    {
        if (Status == AcquiringErrorStatus.Resolved)
        {
            throw new DomainException(Error.Conflict("acquisition.acquiring_error_resolved", $"Acquiring error {Id} is resolved already."));
        }
    }
}
