namespace Modular.Funding.Contracts;

/// <summary>
/// A project's whole public state after each change (created, edited, opened, closed). <paramref name="Version"/> grows
/// with every change, so a consumer keeps the highest one whatever the arrival order. Status is Draft, Open, Succeeded
/// or Failed; a tier's Quantity is null when it is unlimited.
/// </summary>
public sealed record ProjectChanged(
    Guid ProjectId,
    Guid OrganizationId,
    Guid MerchantId,
    string Title,
    long Goal,
    DateTimeOffset StartsAt,
    DateTimeOffset Deadline,
    string Status,
    IReadOnlyList<ProjectTier> Tiers,
    int Version);

public sealed record ProjectTier(Guid TierId, string Name, long Price, int? Quantity);

/// <summary>
/// A pledge moved from <paramref name="PreviousStatus"/> (null when it was just placed) to <paramref name="Status"/>:
/// Pending, Completed, Failed, Cancelled or Refunded. Each pledge takes each transition at most once, so consumers can
/// derive the totals' increments from it. <paramref name="Reason"/> is stable: <c>payment.declined</c>,
/// <c>payment.timeout</c>, <c>backer.cancelled</c>, <c>project.failed</c>.
/// </summary>
public sealed record PledgeChanged(
    Guid PledgeId,
    Guid ProjectId,
    Guid OrganizationId,
    Guid BackerId,
    Guid? TierId,
    long Amount,
    string Status,
    string? PreviousStatus,
    string? Reason,
    DateTimeOffset PledgedAt,
    DateTimeOffset At);

/// <summary>Funding's own deadline: no payment answer came for the pledge in time (published by its timeout worker).</summary>
public sealed record PledgePaymentTimedOut(Guid PledgeId, DateTimeOffset DeadlineAt);
