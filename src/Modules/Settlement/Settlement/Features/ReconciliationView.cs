using Modular.Settlement.Domain;

namespace Modular.Settlement.Features;

/// <summary>A reconciliation run: how many acquisitions it compared and the ledger rows it added, rewrote and removed.</summary>
internal sealed record ReconciliationView(
    Guid Id, DateOnly Day, string Trigger, string Status, int Pages, long Compared, long Missing, long Changed, long Extra,
    DateTimeOffset StartedAt, DateTimeOffset? CompletedAt)
{
    public static ReconciliationView Of(ReconciliationRun run) => new(
        run.Id, run.Day, run.Trigger, run.Status, run.Pages, run.Compared, run.Missing, run.Changed, run.Extra, run.StartedAt, run.CompletedAt);
}
