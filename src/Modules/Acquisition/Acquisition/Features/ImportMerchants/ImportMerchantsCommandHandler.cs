using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Modular.Acquisition.Domain;
using Modular.Acquisition.Infrastructure;
using Modular.BuildingBlocks.Domain.Errors;
using Modular.BuildingBlocks.Web.Input;
using Modular.IAM.Contracts;
using Modular.BuildingBlocks.Web.Uploads;

namespace Modular.Acquisition.Features.ImportMerchants;

/// <summary>
/// Checks every cell of every row (types, the settings rules, organizations, duplicates in the file and against stored
/// merchants) and answers all refusals at once; only a sheet without any is stored, in the command's one transaction.
/// </summary>
internal sealed class ImportMerchantsCommandHandler(AcquisitionDbContext db, IMediator mediator, TimeProvider clock)
    : IRequestHandler<ImportMerchantsCommand, ImportedMerchants>
{
    private static readonly MerchantUploadRowValidator Validator = new();

    public async Task<ImportedMerchants> Handle(ImportMerchantsCommand command, CancellationToken cancellationToken)
    {
        var sheet = command.Sheet;
        if (sheet.Rows.Count > ImportMerchantsCommand.MaxRows)
        {
            throw new DomainException(Error.Unprocessable(
                "acquisition.import_too_many_rows", $"An upload holds at most {ImportMerchantsCommand.MaxRows} merchants; split the file."));
        }

        var errors = new List<CellError>();
        var headers = HeadersOf(sheet, errors);
        if (errors.Count > 0 || sheet.Rows.Count == 0)
        {
            throw Refused(errors, "The sheet has no merchant rows under its header.");
        }

        RefuseUnstorableText(sheet, headers, errors);
        var rows = sheet.Rows.Select(row => MerchantUploadRow.Parse(row, headers, errors)).ToList();
        var untyped = errors.Select(error => (error.Row, error.Column)).ToHashSet();
        foreach (var row in rows)
        {
            Validate(row, headers, untyped, errors);
        }

        await CheckOrganizationsAsync(rows, headers, errors, cancellationToken);
        CheckDuplicatesInFile(rows, headers, errors);
        await CheckTakenAsync(rows, headers, errors, cancellationToken);
        if (errors.Count > 0)
        {
            throw Refused(errors, $"{errors.Select(error => error.Row).Distinct().Count()} of {rows.Count} rows are invalid; nothing was stored.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var merchants = rows.Select(row => Merchant.Create(
            row.OrganizationId!.Value, row.Name, row.BusinessRegistrationNumber, row.FeeRate!.Value, row.ParsedVatRule(), row.ParsedSettlementCycle(), now)).ToList();
        db.Merchants.AddRange(merchants);
        foreach (var merchant in merchants)
        {
            db.PublishRecorded(merchant);
        }

        return new ImportedMerchants(merchants.Count, merchants.Select(merchant => merchant.Id).ToList());
    }

    /// <summary>The header text of each known column; a required column the sheet lacks is refused on row 1.</summary>
    private static Dictionary<string, string> HeadersOf(UploadedSheet sheet, List<CellError> errors)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in sheet.Headers)
        {
            if (MerchantColumns.Of(header) is { } column)
            {
                headers.TryAdd(column, header);
            }
        }

        foreach (var missing in MerchantColumns.Required.Where(column => !headers.ContainsKey(column)))
        {
            errors.Add(new CellError(1, missing, null, null, CellCodes.MissingColumn, $"The header row has no {missing} column."));
        }

        return headers;
    }

    /// <summary>The same edge rule as for JSON bodies: text PostgreSQL cannot store is a refused cell, never a 500.</summary>
    private static void RefuseUnstorableText(UploadedSheet sheet, Dictionary<string, string> headers, List<CellError> errors)
    {
        foreach (var row in sheet.Rows)
        {
            foreach (var (column, header) in headers)
            {
                if (row.Cells.GetValueOrDefault(header) is { } value && !StorableText.IsStorable(value))
                {
                    errors.Add(new CellError(row.Number, column, header, value, CellCodes.Format, StorableText.Refusal));
                }
            }
        }
    }

    /// <param name="refused">Cells already refused: one that could not be typed is not refused again as "required".</param>
    private static void Validate(MerchantUploadRow row, Dictionary<string, string> headers, HashSet<(int Row, string Column)> refused, List<CellError> errors)
    {
        foreach (var failure in Validator.Validate(row).Errors)
        {
            var column = JsonNamingPolicy.CamelCase.ConvertName(failure.PropertyName);
            if (refused.Add((row.Number, column)))
            {
                errors.Add(new CellError(
                    row.Number, column, headers.GetValueOrDefault(column), failure.AttemptedValue?.ToString(), failure.ErrorCode, failure.ErrorMessage));
            }
        }
    }

    private async Task CheckOrganizationsAsync(
        List<MerchantUploadRow> rows, Dictionary<string, string> headers, List<CellError> errors, CancellationToken cancellationToken)
    {
        var ids = rows.Where(row => row.OrganizationId is not null).Select(row => row.OrganizationId!.Value).Distinct().ToList();
        var merchantOrganizations = new HashSet<Guid>();
        foreach (var chunk in ids.Chunk(GetOrganizationStandings.MaxIds))
        {
            var standings = await mediator.Send(new GetOrganizationStandings(chunk), cancellationToken);
            merchantOrganizations.UnionWith(standings.Where(standing => standing is { Kind: "Merchant", Status: "Active" }).Select(standing => standing.OrganizationId));
        }

        foreach (var row in rows.Where(row => row.OrganizationId is { } id && !merchantOrganizations.Contains(id)))
        {
            errors.Add(Cell(row, MerchantColumns.OrganizationId, headers, row.OrganizationId.ToString(), CellCodes.OrganizationInvalid,
                "No active IAM organization of kind Merchant has this id."));
        }
    }

    private static void CheckDuplicatesInFile(List<MerchantUploadRow> rows, Dictionary<string, string> headers, List<CellError> errors)
    {
        foreach (var group in rows.Where(row => row.BusinessRegistrationNumber is not null).GroupBy(row => row.BusinessRegistrationNumber).Where(group => group.Count() > 1))
        {
            var first = group.First().Number;
            foreach (var row in group.Skip(1))
            {
                errors.Add(Cell(row, MerchantColumns.BusinessRegistrationNumber, headers, row.BusinessRegistrationNumber, CellCodes.DuplicateInFile,
                    $"Row {first} has the same business registration number."));
            }
        }

        foreach (var group in rows.Where(row => row.OrganizationId is not null && row.Name.Length > 0)
                     .GroupBy(row => (row.OrganizationId, row.Name)).Where(group => group.Count() > 1))
        {
            var first = group.First().Number;
            foreach (var row in group.Skip(1))
            {
                errors.Add(Cell(row, MerchantColumns.Name, headers, row.Name, CellCodes.DuplicateInFile, $"Row {first} gives the organization a merchant of the same name."));
            }
        }
    }

    private async Task CheckTakenAsync(List<MerchantUploadRow> rows, Dictionary<string, string> headers, List<CellError> errors, CancellationToken cancellationToken)
    {
        var numbers = rows.Select(row => row.BusinessRegistrationNumber).OfType<string>().Distinct().ToList();
        var takenNumbers = (await db.Merchants.Where(merchant => numbers.Contains(merchant.BusinessRegistrationNumber!))
            .Select(merchant => merchant.BusinessRegistrationNumber!).ToListAsync(cancellationToken)).ToHashSet();
        var organizations = rows.Select(row => row.OrganizationId).OfType<Guid>().Distinct().ToList();
        var takenNames = (await db.Merchants.Where(merchant => organizations.Contains(merchant.OrganizationId))
            .Select(merchant => new { merchant.OrganizationId, merchant.Name }).ToListAsync(cancellationToken))
            .Select(merchant => (merchant.OrganizationId, merchant.Name)).ToHashSet();
        foreach (var row in rows)
        {
            if (row.BusinessRegistrationNumber is { } number && takenNumbers.Contains(number))
            {
                errors.Add(Cell(row, MerchantColumns.BusinessRegistrationNumber, headers, number, CellCodes.Taken, MerchantErrors.RegistrationNumberTaken.Message));
            }

            if (row.OrganizationId is { } organization && takenNames.Contains((organization, row.Name)))
            {
                errors.Add(Cell(row, MerchantColumns.Name, headers, row.Name, CellCodes.Taken, MerchantErrors.NameTaken.Message));
            }
        }
    }

    private static CellError Cell(MerchantUploadRow row, string column, Dictionary<string, string> headers, string? value, string code, string message) =>
        new(row.Number, column, headers.GetValueOrDefault(column), value, code, message);

    private static DomainException Refused(List<CellError> errors, string message)
    {
        var order = MerchantColumns.InOrder.Select((column, index) => (column, index)).ToDictionary(pair => pair.column, pair => pair.index);
        return new DomainException(Error.Unprocessable("acquisition.import_invalid", message) with
        {
            Details = new Dictionary<string, object?>
            {
                ["cells"] = errors.OrderBy(error => error.Row).ThenBy(error => order.GetValueOrDefault(error.Column)).ToList(),
            },
        });
    }
}
