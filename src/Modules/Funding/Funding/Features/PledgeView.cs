using Modular.Funding.ReadModels;

namespace Modular.Funding.Features;

/// <summary>A pledge as its backer polls or lists it.</summary>
internal sealed record PledgeView(
    Guid Id, Guid ProjectId, Guid BackerId, Guid? TierId, long Amount, string Status, string? Reason, DateTime PledgedAt, DateTime UpdatedAt)
{
    public static PledgeView From(PledgeDocument pledge) => new(
        pledge.Id, pledge.ProjectId, pledge.BackerId, pledge.TierId, pledge.Amount, pledge.Status, pledge.Reason, pledge.PledgedAt.UtcDateTime,
        pledge.UpdatedAt.UtcDateTime);
}
