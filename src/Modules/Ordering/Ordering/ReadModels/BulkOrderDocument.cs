using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.Ordering.Contracts;

namespace Modular.Ordering.ReadModels;

/// <summary>
/// A bulk order as the staff's list shows it. Each <see cref="BulkOrderChanged"/> carries the whole state, and they may
/// arrive in any order, so the furthest status wins: rank 0 Pending, 1 Completed or Rejected (a job settles once).
/// </summary>
internal sealed class BulkOrderDocument : IReadDocument
{
    public Guid Id { get; init; }

    public Guid OrganizationId { get; set; }

    public Guid CustomerId { get; set; }

    public string Mode { get; set; } = "";

    public string Status { get; set; } = BulkOrderStates.Pending;

    public Guid? OrderId { get; set; }

    public int LineCount { get; set; }

    public int Reserved { get; set; }

    public int Short { get; set; }

    public int Released { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public static BulkOrderDocument Of(Guid id, BulkOrderDocument? existing, BulkOrderChanged change)
    {
        if (existing is not null && BulkOrderStates.Rank(existing.Status) >= BulkOrderStates.Rank(change.Status))
        {
            return existing;
        }

        return new BulkOrderDocument
        {
            Id = id,
            OrganizationId = change.OrganizationId,
            CustomerId = change.CustomerId,
            Mode = change.Mode,
            Status = change.Status,
            OrderId = change.OrderId,
            LineCount = change.LineCount,
            Reserved = change.Reserved,
            Short = change.Short,
            Released = change.Released,
            SubmittedAt = change.SubmittedAt,
            CompletedAt = change.CompletedAt,
        };
    }
}

internal static class BulkOrderStates
{
    public const string Pending = "Pending";
    public const string Completed = "Completed";
    public const string Rejected = "Rejected";

    public static int Rank(string status) => status == Pending ? 0 : 1;
}
