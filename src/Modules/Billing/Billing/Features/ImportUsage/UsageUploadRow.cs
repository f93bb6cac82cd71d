using System.Globalization;
using Modular.BuildingBlocks.Web.Input;
using Modular.BuildingBlocks.Web.Uploads;

namespace Modular.Billing.Features.ImportUsage;

/// <summary>One data row of a usage upload, typed; every cell that cannot be typed or breaks a bound is a <see cref="CellError"/>.</summary>
internal sealed record UsageUploadRow(int Number, Guid? OrganizationId, string ApiKey, DateOnly? BatchDate, string Product, long? Quantity, string Unit)
{
    public const int MaxTextLength = 100;
    public const long MaxQuantity = 1_000_000_000_000L;

    public static UsageUploadRow Parse(SheetRow row, IReadOnlyDictionary<string, string> headers, ICollection<CellError> errors)
    {
        string Cell(string column) => headers.TryGetValue(column, out var header) ? row.Cells.GetValueOrDefault(header, "") : "";
        void Refuse(string column, string code, string message) =>
            errors.Add(new CellError(row.Number, column, headers.GetValueOrDefault(column), Cell(column), code, message));

        foreach (var column in UsageColumns.InOrder)
        {
            var value = Cell(column);
            if (value.Length == 0)
            {
                Refuse(column, CellCodes.Required, $"Every row needs a {column}.");
            }
            else if (!StorableText.IsStorable(value))
            {
                Refuse(column, CellCodes.Format, StorableText.Refusal);
            }
            else if (value.Length > MaxTextLength)
            {
                Refuse(column, CellCodes.TooLong, $"At most {MaxTextLength} characters.");
            }
        }

        Guid? organizationId = Guid.TryParse(Cell(UsageColumns.OrganizationId), out var organization) ? organization : null;
        if (organizationId is null && Cell(UsageColumns.OrganizationId).Length > 0)
        {
            Refuse(UsageColumns.OrganizationId, CellCodes.Format, "An organization id is a UUID.");
        }

        DateOnly? batchDate = DateOnly.TryParseExact(Cell(UsageColumns.BatchDate), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
        if (batchDate is null && Cell(UsageColumns.BatchDate).Length > 0)
        {
            Refuse(UsageColumns.BatchDate, CellCodes.Format, "A batch date is written yyyy-MM-dd.");
        }

        long? quantity = null;
        if (Cell(UsageColumns.Quantity) is { Length: > 0 } text)
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                Refuse(UsageColumns.Quantity, CellCodes.Format, "A quantity is a whole number of units, digits only.");
            }
            else if (parsed > MaxQuantity)
            {
                Refuse(UsageColumns.Quantity, CellCodes.OutOfRange, $"A quantity is at most {MaxQuantity}.");
            }
            else
            {
                quantity = parsed;
            }
        }

        return new UsageUploadRow(row.Number, organizationId, Cell(UsageColumns.ApiKey), batchDate, Cell(UsageColumns.Product), quantity, Cell(UsageColumns.Unit));
    }
}
