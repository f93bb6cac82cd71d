using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.Funding.Contracts;

namespace Modular.Funding.ReadModels;

/// <summary>
/// A pledge as its backer polls it and lists it. Its changes may arrive in any order, so the furthest status wins
/// (rank 0 Pending, 1 Completed, 2 Failed, Cancelled or Refunded: a pledge reaches one of those at most once).
/// </summary>
internal sealed class PledgeDocument : IReadDocument
{
    public Guid Id { get; init; }
    public Guid ProjectId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid BackerId { get; set; }
    public Guid? TierId { get; set; }
    public long Amount { get; set; }
    public string Status { get; set; } = "Pending";
    public string? Reason { get; set; }
    public DateTimeOffset PledgedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static PledgeDocument Of(Guid id, PledgeDocument? existing, PledgeChanged change)
    {
        var pledge = existing ?? new PledgeDocument { Id = id, Status = change.Status };
        pledge.ProjectId = change.ProjectId;
        pledge.OrganizationId = change.OrganizationId;
        pledge.BackerId = change.BackerId;
        pledge.TierId = change.TierId;
        pledge.Amount = change.Amount;
        pledge.PledgedAt = change.PledgedAt;
        if (existing is null || Rank(change.Status) > Rank(pledge.Status))
        {
            pledge.Status = change.Status;
            pledge.Reason = change.Reason;
            pledge.UpdatedAt = change.At;
        }

        return pledge;
    }

    private static int Rank(string status) => status switch
    {
        "Pending" => 0,
        "Completed" => 1,
        _ => 2,
    };
}
