using MediatR;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.Settlement.Infrastructure;
using Npgsql;

namespace Modular.Settlement.Features.RunExports;

/// <summary>Counts a job's rows first (served by the same indexes as the search), and finds the dates to cut partitions.</summary>
internal sealed class MeasureLedgerQueryHandler(ReadStore<SettlementDbContext> store) : IRequestHandler<MeasureLedgerQuery, LedgerMeasure>
{
    public async Task<LedgerMeasure> Handle(MeasureLedgerQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var measure = new NpgsqlCommand(LedgerExportSql.Measure(query.Filter, query.OrganizationId), connection);
        await using var reader = await measure.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var rows = reader.GetInt64(0);
        return rows == 0
            ? new LedgerMeasure(0, null, null)
            : new LedgerMeasure(rows, reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2));
    }
}
