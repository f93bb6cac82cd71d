using Modular.Acquisition.Contracts;
using Modular.BuildingBlocks.Infrastructure.ReadModels;

namespace Modular.Acquisition.ReadModels;

/// <summary>A detection as the risk managers' list shows it: the state with the highest version seen wins.</summary>
internal sealed record FraudDetectionDocument(
    Guid Id,
    Guid AcquisitionId,
    Guid PaymentId,
    Guid MerchantId,
    Guid OrganizationId,
    string Rule,
    string Reason,
    long Amount,
    DateTimeOffset ApprovedAt,
    DateTimeOffset DetectedAt,
    string Status,
    DateTimeOffset? ReviewedAt,
    Guid? ReviewedBy,
    string? ReviewNote,
    int Version) : IReadDocument
{
    public static FraudDetectionDocument Newer(FraudDetectionDocument? current, FraudDetectionDocument state) =>
        current is not null && current.Version >= state.Version ? current : state;

    public static FraudDetectionDocument From(FraudDetectionRecorded recorded) => new(
        recorded.DetectionId, recorded.AcquisitionId, recorded.PaymentId, recorded.MerchantId, recorded.OrganizationId, recorded.Rule, recorded.Reason,
        recorded.Amount, recorded.ApprovedAt, recorded.DetectedAt, recorded.Status, recorded.ReviewedAt, recorded.ReviewedBy, recorded.ReviewNote,
        recorded.Version);
}
