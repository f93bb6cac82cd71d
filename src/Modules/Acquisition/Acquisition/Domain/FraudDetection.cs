using Modular.BuildingBlocks.Domain.Errors;

namespace Modular.Acquisition.Domain;

/// <summary>
/// What a fraud rule found about one acquired payment: Open until a risk manager reviews it, once, with a note. The
/// acquisition itself is never touched: detection runs after it committed.
/// </summary>
internal sealed class FraudDetection
{
    public const int MaxNoteLength = 1000;

    private FraudDetection()
    {
    }

    public Guid Id { get; private set; }
    public Guid AcquisitionId { get; private set; }
    public Guid PaymentId { get; private set; }
    public Guid MerchantId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string Rule { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public long Amount { get; private set; }
    public DateTime ApprovedAt { get; private set; }
    public DateTime DetectedAt { get; private set; }
    public FraudDetectionStatus Status { get; private set; }
    public DateTime? ReviewedAt { get; private set; }
    public Guid? ReviewedBy { get; private set; }
    public string? ReviewNote { get; private set; }

    /// <summary>1 when detected, 2 once reviewed: the order of the states the read side receives.</summary>
    public int Version { get; private set; }

    public static FraudDetection Detect(
        Guid acquisitionId, Guid paymentId, Guid merchantId, Guid organizationId, string rule, string reason, long amount, DateTime approvedAt, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        AcquisitionId = acquisitionId,
        PaymentId = paymentId,
        MerchantId = merchantId,
        OrganizationId = organizationId,
        Rule = rule,
        Reason = reason,
        Amount = amount,
        ApprovedAt = approvedAt,
        DetectedAt = now,
        Status = FraudDetectionStatus.Open,
        Version = 1,
    };

    public void Review(Guid reviewer, string note, DateTime now)
    {
        if (Status == FraudDetectionStatus.Reviewed)
        {
            throw new DomainException(Error.Conflict("acquisition.detection_already_reviewed", "The detection was reviewed already."));
        }

        Status = FraudDetectionStatus.Reviewed;
        ReviewedAt = now;
        ReviewedBy = reviewer;
        ReviewNote = note;
        Version++;
    }
}

internal enum FraudDetectionStatus
{
    Open,
    Reviewed,
}
