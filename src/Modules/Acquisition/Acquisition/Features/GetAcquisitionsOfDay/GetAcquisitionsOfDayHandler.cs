using MediatR;
using Modular.Acquisition.Contracts;
using Modular.Acquisition.Infrastructure;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Npgsql;

namespace Modular.Acquisition.Features.GetAcquisitionsOfDay;

/// <summary>One page of a day's acquisitions in id order, on the index (acquired_on, id).</summary>
internal sealed class GetAcquisitionsOfDayHandler(ModuleDataSource<AcquisitionDbContext> database)
    : IRequestHandler<Contracts.GetAcquisitionsOfDay, IReadOnlyList<AcquisitionEntry>>
{
    private const string Page =
        """
        SELECT id, kind, payment_id, merchant_id, organization_id, reference, approval_number, pay_method, pay_method_detail,
            amount, fee, vat, approved_at, canceled_at, acquired_at
        FROM acquisition.acquisitions
        WHERE acquired_on = $1 AND id > $2
        ORDER BY id
        LIMIT $3
        """;

    public async Task<IReadOnlyList<AcquisitionEntry>> Handle(Contracts.GetAcquisitionsOfDay request, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(Page);
        command.Parameters.Add(new NpgsqlParameter { Value = request.Day });
        command.Parameters.Add(new NpgsqlParameter { Value = request.After ?? Guid.Empty });
        command.Parameters.Add(new NpgsqlParameter { Value = request.Limit });
        var entries = new List<AcquisitionEntry>(Math.Min(request.Limit, 1_000));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AcquisitionEntry(
                reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2), reader.GetGuid(3), reader.GetGuid(4), reader.GetGuid(5),
                reader.GetString(6), reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8), reader.GetInt64(9),
                reader.GetInt64(10), reader.GetInt64(11), reader.GetFieldValue<DateTimeOffset>(12),
                reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13), reader.GetFieldValue<DateTimeOffset>(14)));
        }

        return entries;
    }
}
