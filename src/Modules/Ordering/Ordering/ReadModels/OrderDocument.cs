using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.Ordering.Contracts;

namespace Modular.Ordering.ReadModels;

/// <summary>
/// An order as its lists and detail show it. Its events may arrive in any order (an OrderPaid before its OrderPlaced),
/// so the timeline is the record, one entry per state, and <see cref="Status"/> is the furthest state in it:
/// rank 0 PendingPayment, 1 Paid, 2 Shipped or Cancelled. Every change is idempotent and they commute.
/// Until its OrderPlaced arrives the document has no <see cref="PlacedAt"/> and no list shows it.
/// </summary>
internal sealed class OrderDocument : IReadDocument
{
    public Guid Id { get; init; }

    public Guid CustomerId { get; set; }

    public Guid MerchantId { get; set; }

    public Guid OrganizationId { get; set; }

    public long Total { get; set; }

    public List<OrderLineView> Lines { get; set; } = [];

    public List<Guid> ProductIds { get; set; } = [];

    public DateTimeOffset? PlacedAt { get; set; }

    public string Status { get; set; } = OrderStates.PendingPayment;

    public List<OrderStateEntry> Timeline { get; set; } = [];

    public static OrderDocument Empty(Guid id) => new() { Id = id };

    public OrderDocument Placed(OrderPlaced placed)
    {
        CustomerId = placed.CustomerId;
        MerchantId = placed.MerchantId;
        OrganizationId = placed.OrganizationId;
        Total = placed.Total;
        Lines = placed.Lines.Select(line => new OrderLineView(line.ProductId, line.Quantity, line.UnitPrice)).ToList();
        ProductIds = placed.Lines.Select(line => line.ProductId).Distinct().ToList();
        PlacedAt = placed.PlacedAt;
        return Reached(OrderStates.PendingPayment, placed.PlacedAt, reason: null);
    }

    /// <summary>Records a state once (the first time it is reported wins) and moves the status to the furthest state.</summary>
    public OrderDocument Reached(string status, DateTimeOffset at, string? reason)
    {
        if (Timeline.All(entry => entry.Status != status))
        {
            Timeline.Add(new OrderStateEntry(status, at, reason));
            Timeline.Sort((left, right) => (left.At, OrderStates.Rank(left.Status)).CompareTo((right.At, OrderStates.Rank(right.Status))));
        }

        Status = Timeline.MaxBy(entry => OrderStates.Rank(entry.Status))!.Status;
        return this;
    }

    public OrderDocument MergedWith(OrderDocument other)
    {
        if (other.PlacedAt is not null && PlacedAt is null)
        {
            CustomerId = other.CustomerId;
            MerchantId = other.MerchantId;
            OrganizationId = other.OrganizationId;
            Total = other.Total;
            Lines = other.Lines;
            ProductIds = other.ProductIds;
            PlacedAt = other.PlacedAt;
        }

        foreach (var entry in other.Timeline)
        {
            Reached(entry.Status, entry.At, entry.Reason);
        }

        return this;
    }
}

internal sealed record OrderLineView(Guid ProductId, int Quantity, long UnitPrice);

internal sealed record OrderStateEntry(string Status, DateTimeOffset At, string? Reason);

internal static class OrderStates
{
    public const string PendingPayment = "PendingPayment";
    public const string Paid = "Paid";
    public const string Shipped = "Shipped";
    public const string Cancelled = "Cancelled";

    public static int Rank(string status) => status switch
    {
        PendingPayment => 0,
        Paid => 1,
        _ => 2,
    };
}
