using Modular.Acquisition.Infrastructure;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Npgsql;

namespace Modular.Acquisition.Features.Acquire;

/// <summary>
/// How far acquiring is behind: the age of the oldest approved payment neither acquired nor set apart as an error (errors
/// are counted by their own metrics; one bad merchant must not read as a stalled loop). Zero when nothing is waiting.
/// One index probe from the payment queue's cursor.
/// </summary>
internal sealed class AcquiringLag(ModuleDataSource<AcquisitionDbContext> database, AcquisitionMetrics metrics, TimeProvider clock)
{
    private const string OldestWaiting =
        """
        SELECT p.approved_at
        FROM acquisition.payment_transactions p
        WHERE p.status = 'Approved'
          AND (p.approved_at, p.id) > (SELECT coalesce(max(c.position_at) - $1, '-infinity') FROM acquisition.acquiring_cursors c WHERE c.kind = 'Payment')
          AND NOT EXISTS (SELECT 1 FROM acquisition.acquisitions a WHERE a.payment_id = p.id AND a.kind = 'Payment')
          AND NOT EXISTS (SELECT 1 FROM acquisition.acquiring_errors e WHERE e.transaction_id = p.id AND e.kind = 'Payment')
        ORDER BY p.approved_at, p.id
        LIMIT 1
        """;

    public async Task<TimeSpan> MeasureAsync(TimeSpan lookback, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(OldestWaiting);
        command.Parameters.Add(new NpgsqlParameter { Value = lookback });
        var oldest = await command.ExecuteScalarAsync(cancellationToken);
        var lag = oldest is DateTime approvedAt ? clock.GetUtcNow().UtcDateTime - approvedAt : TimeSpan.Zero;
        lag = lag < TimeSpan.Zero ? TimeSpan.Zero : lag;
        metrics.Lag(lag);
        return lag;
    }
}
