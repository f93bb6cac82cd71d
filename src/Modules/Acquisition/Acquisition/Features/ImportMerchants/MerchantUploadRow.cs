using System.Globalization;
using Modular.BuildingBlocks.Web.Uploads;

namespace Modular.Acquisition.Features.ImportMerchants;

/// <summary>One data row of a merchant upload, typed; a cell that cannot be typed is a <see cref="CellError"/> and left null.</summary>
internal sealed record MerchantUploadRow(
    int Number, Guid? OrganizationId, string Name, string? BusinessRegistrationNumber, decimal? FeeRate, string? VatRule, string? SettlementCycle)
    : IMerchantSettings
{
    /// <param name="headers">The header text the file uses for each column it has.</param>
    public static MerchantUploadRow Parse(SheetRow row, IReadOnlyDictionary<string, string> headers, ICollection<CellError> errors)
    {
        string Cell(string column) => headers.TryGetValue(column, out var header) ? row.Cells.GetValueOrDefault(header, "") : "";
        void Refuse(string column, string code, string message) =>
            errors.Add(new CellError(row.Number, column, headers.GetValueOrDefault(column), Cell(column), code, message));

        Guid? organizationId = null;
        if (Cell(MerchantColumns.OrganizationId) is { Length: > 0 } organization)
        {
            if (Guid.TryParse(organization, out var parsed))
            {
                organizationId = parsed;
            }
            else
            {
                Refuse(MerchantColumns.OrganizationId, CellCodes.Format, "An organization id is a UUID.");
            }
        }

        decimal? feeRate = null;
        if (Cell(MerchantColumns.FeeRate) is { Length: > 0 } fee)
        {
            feeRate = ParseFeeRate(fee);
            if (feeRate is null)
            {
                Refuse(MerchantColumns.FeeRate, CellCodes.Format, "A fee rate is a number: a fraction (0.025) or a percent (2.5%).");
            }
        }

        return new MerchantUploadRow(
            row.Number, organizationId, Cell(MerchantColumns.Name),
            Cell(MerchantColumns.BusinessRegistrationNumber).Replace("-", "") is { Length: > 0 } number ? number : null,
            feeRate, NullIfEmpty(Cell(MerchantColumns.VatRule)), NullIfEmpty(Cell(MerchantColumns.SettlementCycle)));
    }

    /// <summary>"0.025", "2.5%" and "2.5 %" are 2.5 %; thousands separators and decimal commas are refused, not guessed.</summary>
    private static decimal? ParseFeeRate(string text)
    {
        var percent = text.EndsWith('%');
        var number = percent ? text[..^1].TrimEnd() : text;
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return percent ? value / 100m : value;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
