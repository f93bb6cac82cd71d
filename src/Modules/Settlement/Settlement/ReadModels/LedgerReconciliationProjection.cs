using Marten;
using Marten.Linq.MatchesSql;
using MassTransit;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Modular.Acquisition.Contracts;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.Settlement.Contracts;
using Modular.Settlement.Domain;
using Modular.Settlement.Infrastructure;

namespace Modular.Settlement.ReadModels;

/// <summary>
/// One page of a reconciliation run, in one inbox transaction: ask Acquisition for the day's next acquisitions
/// (<see cref="GetAcquisitionsOfDay"/>, by acquisition id), derive the rows they must give, and compare with the ledger
/// rows of those acquisitions plus any other ledger row of the day whose acquisition id falls in the page's id range.
/// Missing rows are added, differing ones rewritten, rows of acquisitions Acquisition does not know for that day removed;
/// each repair is recorded. The derivation is pure, so a second run finds nothing to repair.
/// </summary>
internal sealed class LedgerReconciliationProjection(
    ReadStore<SettlementDbContext> store, SettlementDbContext db, IMediator mediator, IOptions<SettlementOptions> options, TimeProvider clock)
    : IConsumer<ReconcileLedgerPage>
{
    public const string Missing = "Missing";
    public const string Changed = "Changed";
    public const string Extra = "Extra";

    public async Task Consume(ConsumeContext<ReconcileLedgerPage> context)
    {
        var page = context.Message;
        var settings = options.Value;
        var cancellationToken = context.CancellationToken;
        var acquisitions = await mediator.Send(new GetAcquisitionsOfDay(page.Day, page.After, settings.ReconciliationPageSize), cancellationToken);
        var isLast = acquisitions.Count < settings.ReconciliationPageSize;
        var expected = acquisitions.SelectMany(entry => Derive(entry, settings.PgCode)).ToDictionary(row => row.Id);

        await using var session = store.SessionIn(db);
        var existing = (await session.LoadManyAsync<LedgerEntry>(cancellationToken, expected.Keys)).ToDictionary(row => row.Id);
        foreach (var row in await InRangeAsync(session, page, acquisitions, isLast, cancellationToken))
        {
            existing.TryAdd(row.Id, row);
        }

        var differences = new List<(LedgerEntry Row, string Kind)>();
        differences.AddRange(expected.Values.Where(row => !existing.ContainsKey(row.Id)).Select(row => (row, Missing)));
        differences.AddRange(expected.Values.Where(row => existing.TryGetValue(row.Id, out var found) && found != row).Select(row => (row, Changed)));
        differences.AddRange(existing.Values.Where(row => !expected.ContainsKey(row.Id)).Select(row => (row, Extra)));

        await LedgerRows.PutAsync(db, differences.Where(d => d.Kind != Extra).Select(d => d.Row).ToList(), settings.LedgerInsertChunk, cancellationToken);
        await LedgerRows.RemoveAsync(db, differences.Where(d => d.Kind == Extra).Select(d => d.Row.Id).ToList(), cancellationToken);
        await RecordAsync(page, acquisitions.Count, differences, isLast, cancellationToken);
        if (!isLast)
        {
            db.Publish(page with { After = acquisitions[^1].AcquisitionId, Page = page.Page + 1 });
        }
    }

    /// <summary>An entry the ledger cannot hold is not compared: it stays in unledgered_acquisitions.</summary>
    private static IReadOnlyList<LedgerEntry> Derive(AcquisitionEntry entry, string pg)
    {
        try
        {
            return LedgerEntries.Of(entry, pg);
        }
        catch (Exception exception) when (exception is ArgumentException or OverflowException)
        {
            return [];
        }
    }

    /// <summary>Ledger rows of the day in this page's acquisition id range (after the cursor; up to the page's last id unless last), served by ledger_by_acquisition.</summary>
    private static async Task<IReadOnlyList<LedgerEntry>> InRangeAsync(
        IDocumentSession session, ReconcileLedgerPage page, IReadOnlyList<AcquisitionEntry> acquisitions, bool isLast, CancellationToken cancellationToken)
    {
        var from = new DateTimeOffset(page.Day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = from.AddDays(1);
        var lower = page.After ?? Guid.Empty;
        var upper = isLast ? new Guid("ffffffff-ffff-ffff-ffff-ffffffffffff") : acquisitions[^1].AcquisitionId;
        var rows = session.Query<LedgerEntry>()
            .Where(row => row.SubmittedAt >= from && row.SubmittedAt < to)
            .Where(row => row.MatchesSql("d.acquisition_id > ? AND d.acquisition_id <= ?", lower, upper));
        return await QueryableExtensions.ToListAsync(rows, cancellationToken);
    }

    private async Task RecordAsync(
        ReconcileLedgerPage page, int compared, List<(LedgerEntry Row, string Kind)> differences, bool isLast, CancellationToken cancellationToken)
    {
        if (differences.Count > 0)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO settlement.reconciliation_differences (run_id, entry_id, acquisition_id, kind)
                SELECT {page.RunId}, d.entry_id, d.acquisition_id, d.kind
                  FROM unnest({differences.Select(d => d.Row.Id).ToArray()}, {differences.Select(d => d.Row.AcquisitionId).ToArray()},
                              {differences.Select(d => d.Kind).ToArray()}) AS d(entry_id, acquisition_id, kind)
                ON CONFLICT DO NOTHING
                """, cancellationToken);
        }

        var completedAt = isLast ? clock.GetUtcNow() : (DateTimeOffset?)null;
        await db.Database.ExecuteSqlAsync($"""
            UPDATE settlement.reconciliation_runs
               SET pages = pages + 1, compared = compared + {compared},
                   missing = missing + {differences.Count(d => d.Kind == Missing)},
                   changed = changed + {differences.Count(d => d.Kind == Changed)},
                   extra = extra + {differences.Count(d => d.Kind == Extra)},
                   status = CASE WHEN {isLast} THEN {ReconciliationRun.Completed} ELSE status END,
                   completed_at = coalesce({completedAt}, completed_at)
             WHERE id = {page.RunId}
            """, cancellationToken);
    }
}
