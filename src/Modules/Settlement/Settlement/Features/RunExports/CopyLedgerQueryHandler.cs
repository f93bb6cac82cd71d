using System.Buffers;
using MediatR;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.Settlement.Infrastructure;

namespace Modular.Settlement.Features.RunExports;

/// <summary>
/// Streams COPY … TO STDOUT (FORMAT csv) from the ledger documents into the target, one pooled buffer at a time: memory
/// is the buffer, whatever the row count, and no value passes through an object. Each row is one line (the SQL strips
/// line breaks from free text), so counting newlines counts rows.
/// </summary>
internal sealed class CopyLedgerQueryHandler(ReadStore<SettlementDbContext> store) : IRequestHandler<CopyLedgerQuery, long>
{
    private const int BufferChars = 1 << 15;
    private const long ProgressEvery = 20_000;

    public async Task<long> Handle(CopyLedgerQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        using var reader = await connection.BeginTextExportAsync(
            LedgerExportSql.Copy(query.Filter, query.OrganizationId, query.Partition), cancellationToken);
        var buffer = ArrayPool<char>.Shared.Rent(BufferChars);
        try
        {
            long rows = 0;
            var reported = 0L;
            int read;
            while ((read = await reader.ReadAsync(buffer.AsMemory(0, BufferChars), cancellationToken)) > 0)
            {
                rows += buffer.AsSpan(0, read).Count('\n');
                await query.Target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                if (rows - reported >= ProgressEvery)
                {
                    query.Progress(rows - reported);
                    reported = rows;
                }
            }

            query.Progress(rows - reported);
            return rows;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
