using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Billing.Infrastructure;
using Modular.BuildingBlocks.Domain.Errors;
using Modular.BuildingBlocks.Web.Uploads;
using Modular.IAM.Contracts;
using Npgsql;
using NpgsqlTypes;

namespace Modular.Billing.Features.ImportUsage;

/// <summary>
/// Checks every cell of every row (types and bounds, active billing-customer organizations, priced products, duplicates
/// in the file, a key used by another organization) and answers all refusals at once; only a file without any is stored,
/// in the command's one transaction, as one multi-row insert.
/// </summary>
internal sealed class ImportUsageCommandHandler(BillingDbContext db, IMediator mediator, TimeProvider clock) : IRequestHandler<ImportUsageCommand, ImportedUsage>
{
    public async Task<ImportedUsage> Handle(ImportUsageCommand command, CancellationToken cancellationToken)
    {
        var sheet = command.Sheet;
        if (sheet.Rows.Count > ImportUsageCommand.MaxRows)
        {
            throw new DomainException(Error.Unprocessable(
                "billing.import_too_many_rows", $"An upload holds at most {ImportUsageCommand.MaxRows} usage rows; split the file."));
        }

        var errors = new List<CellError>();
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in sheet.Headers)
        {
            if (UsageColumns.Of(header) is { } column)
            {
                headers.TryAdd(column, header);
            }
        }

        foreach (var missing in UsageColumns.InOrder.Where(column => !headers.ContainsKey(column)))
        {
            errors.Add(new CellError(1, missing, null, null, CellCodes.MissingColumn, $"The header row has no {missing} column."));
        }

        if (errors.Count > 0 || sheet.Rows.Count == 0)
        {
            throw Refused(errors, "The upload has no usage rows under its header.");
        }

        var rows = sheet.Rows.Select(row => UsageUploadRow.Parse(row, headers, errors)).ToList();
        // Each check looks at every row whose cells it needs were typed, so one bad cell never hides another.
        await CheckOrganizationsAsync(rows.Where(row => row.OrganizationId is not null).ToList(), headers, errors, cancellationToken);
        await CheckProductsAsync(rows.Where(row => row.Product.Length > 0).ToList(), headers, errors, cancellationToken);
        var keyed = rows.Where(row => row.ApiKey.Length > 0 && row.OrganizationId is not null).ToList();
        CheckDuplicatesInFile(keyed, headers, errors);
        await CheckKeyOwnersAsync(keyed, headers, errors, cancellationToken);
        if (errors.Count > 0)
        {
            throw Refused(errors, $"{errors.Select(error => error.Row).Distinct().Count()} of {rows.Count} rows are invalid; nothing was stored.");
        }

        await StoreAsync(rows, cancellationToken);
        return new ImportedUsage(rows.Count);
    }

    private async Task CheckOrganizationsAsync(List<UsageUploadRow> rows, Dictionary<string, string> headers, List<CellError> errors, CancellationToken cancellationToken)
    {
        var customers = new HashSet<Guid>();
        foreach (var chunk in rows.Select(row => row.OrganizationId!.Value).Distinct().Chunk(GetOrganizationStandings.MaxIds))
        {
            var standings = await mediator.Send(new GetOrganizationStandings(chunk), cancellationToken);
            customers.UnionWith(standings.Where(standing => standing is { Kind: "BillingCustomer", Status: "Active" }).Select(standing => standing.OrganizationId));
        }

        errors.AddRange(rows.Where(row => !customers.Contains(row.OrganizationId!.Value)).Select(row => Cell(row, UsageColumns.OrganizationId, headers,
            row.OrganizationId.ToString(), CellCodes.OrganizationInvalid, "No active IAM organization of kind BillingCustomer has this id.")));
    }

    private async Task CheckProductsAsync(List<UsageUploadRow> rows, Dictionary<string, string> headers, List<CellError> errors, CancellationToken cancellationToken)
    {
        var products = rows.Select(row => row.Product).Distinct().ToList();
        var priced = (await db.PricePlans.Where(plan => products.Contains(plan.Product)).Select(plan => plan.Product).ToListAsync(cancellationToken)).ToHashSet();
        errors.AddRange(rows.Where(row => !priced.Contains(row.Product)).Select(row => Cell(row, UsageColumns.Product, headers, row.Product,
            CellCodes.UnknownValue, "No price plan names this product; set its price first (PUT /api/billing/price-plans).")));
    }

    private static void CheckDuplicatesInFile(List<UsageUploadRow> rows, Dictionary<string, string> headers, List<CellError> errors)
    {
        foreach (var group in rows.Where(row => row.BatchDate is not null && row.Product.Length > 0).GroupBy(row => (row.ApiKey, row.BatchDate, row.Product)).Where(group => group.Count() > 1))
        {
            var first = group.First().Number;
            errors.AddRange(group.Skip(1).Select(row => Cell(row, UsageColumns.Product, headers, row.Product, CellCodes.DuplicateInFile,
                $"Row {first} has the same API key, batch date and product.")));
        }

        foreach (var group in rows.GroupBy(row => row.ApiKey).Where(group => group.Select(row => row.OrganizationId).Distinct().Count() > 1))
        {
            var owner = group.First();
            errors.AddRange(group.Where(row => row.OrganizationId != owner.OrganizationId).Select(row => Cell(row, UsageColumns.ApiKey, headers, row.ApiKey,
                CellCodes.DuplicateInFile, $"Row {owner.Number} gives this API key to another organization.")));
        }
    }

    /// <summary>A key belongs to one organization: a row giving a stored key to another is refused (served by usage_records_latest_batch).</summary>
    private async Task CheckKeyOwnersAsync(List<UsageUploadRow> rows, Dictionary<string, string> headers, List<CellError> errors, CancellationToken cancellationToken)
    {
        var keys = rows.Select(row => row.ApiKey).Distinct().ToArray();
        var owners = (await db.Database.SqlQuery<KeyOwner>($"""
            SELECT DISTINCT ON (api_key) api_key AS "ApiKey", organization_id AS "OrganizationId"
              FROM billing.usage_records WHERE api_key = ANY({keys}) ORDER BY api_key, batch_date DESC
            """).ToListAsync(cancellationToken)).ToDictionary(owner => owner.ApiKey, owner => owner.OrganizationId);
        errors.AddRange(rows.Where(row => owners.TryGetValue(row.ApiKey, out var owner) && owner != row.OrganizationId).Select(row => Cell(row,
            UsageColumns.ApiKey, headers, row.ApiKey, CellCodes.Taken, "This API key's usage belongs to another organization.")));
    }

    private async Task StoreAsync(List<UsageUploadRow> rows, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO billing.usage_records (id, organization_id, api_key, batch_date, product, quantity, unit, imported_at)
            SELECT id, organization_id, api_key, batch_date, product, quantity, unit, @now
              FROM unnest(@ids, @organizations, @keys, @dates, @products, @quantities, @units)
                   AS row (id, organization_id, api_key, batch_date, product, quantity, unit)
            ON CONFLICT ON CONSTRAINT usage_records_one_per_key_batch_product
            DO UPDATE SET quantity = excluded.quantity, unit = excluded.unit, imported_at = excluded.imported_at
            """,
            [
                new NpgsqlParameter("ids", rows.Select(_ => Guid.CreateVersion7()).ToArray()),
                new NpgsqlParameter("organizations", rows.Select(row => row.OrganizationId!.Value).ToArray()),
                new NpgsqlParameter("keys", rows.Select(row => row.ApiKey).ToArray()),
                new NpgsqlParameter("dates", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = rows.Select(row => row.BatchDate!.Value).ToArray() },
                new NpgsqlParameter("products", rows.Select(row => row.Product).ToArray()),
                new NpgsqlParameter("quantities", rows.Select(row => row.Quantity!.Value).ToArray()),
                new NpgsqlParameter("units", rows.Select(row => row.Unit).ToArray()),
                new NpgsqlParameter("now", now),
            ],
            cancellationToken);
    }

    private static CellError Cell(UsageUploadRow row, string column, Dictionary<string, string> headers, string? value, string code, string message) =>
        new(row.Number, column, headers.GetValueOrDefault(column), value, code, message);

    private static DomainException Refused(List<CellError> errors, string message)
    {
        var order = UsageColumns.InOrder.Select((column, index) => (column, index)).ToDictionary(pair => pair.column, pair => pair.index);
        return new DomainException(Error.Unprocessable("billing.import_invalid", message) with
        {
            Details = new Dictionary<string, object?>
            {
                ["cells"] = errors.OrderBy(error => error.Row).ThenBy(error => order.GetValueOrDefault(error.Column)).ToList(),
            },
        });
    }

    private sealed record KeyOwner(string ApiKey, Guid OrganizationId);
}
