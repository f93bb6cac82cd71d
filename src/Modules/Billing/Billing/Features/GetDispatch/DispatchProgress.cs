using Modular.Billing.Infrastructure;

namespace Modular.Billing.Features.GetDispatch;

/// <summary>
/// A dispatch's progress: Done = sent + failed + skipped + cancelled, Left = pending + sending. ContactLookups counts the
/// batched IAM requests made (one per chunk).
/// </summary>
internal sealed record DispatchProgress(
    Guid Id, string Status, int Total, int Sent, int Failed, int Skipped, int Cancelled, int Left, int ContactLookups, DateTime CreatedAt, DateTime? FinishedAt)
{
    public int Done => Total - Left;

    public static DispatchProgress From(DispatchRow dispatch, IReadOnlyList<ItemCount> counts)
    {
        int Count(params string[] statuses) => counts.Where(count => statuses.Contains(count.Status)).Sum(count => count.Count);
        return new DispatchProgress(dispatch.Id, dispatch.Status, dispatch.Total, Count(ItemStatus.Sent), Count(ItemStatus.Failed), Count(ItemStatus.Skipped),
            Count(ItemStatus.Cancelled), Count(ItemStatus.Pending, ItemStatus.Sending), dispatch.ContactLookups, dispatch.CreatedAt, dispatch.FinishedAt);
    }
}
