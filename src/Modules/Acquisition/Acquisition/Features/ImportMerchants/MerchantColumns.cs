namespace Modular.Acquisition.Features.ImportMerchants;

/// <summary>
/// The columns of a merchant upload, in template order, each recognised by its name or a Korean header; case, spaces,
/// underscores and hyphens do not matter ("Fee rate", "fee_rate", "수수료율").
/// </summary>
internal static class MerchantColumns
{
    public const string OrganizationId = "organizationId";
    public const string Name = "name";
    public const string BusinessRegistrationNumber = "businessRegistrationNumber";
    public const string FeeRate = "feeRate";
    public const string VatRule = "vatRule";
    public const string SettlementCycle = "settlementCycle";

    public static readonly IReadOnlyList<string> InOrder = [OrganizationId, Name, BusinessRegistrationNumber, FeeRate, VatRule, SettlementCycle];

    /// <summary>Columns a row cannot do without; the registration number may be left empty.</summary>
    public static readonly IReadOnlyList<string> Required = [OrganizationId, Name, FeeRate, VatRule, SettlementCycle];

    private static readonly Dictionary<string, string> ByHeader = new(StringComparer.Ordinal)
    {
        ["organizationid"] = OrganizationId, ["조직id"] = OrganizationId, ["조직아이디"] = OrganizationId,
        ["name"] = Name, ["merchantname"] = Name, ["가맹점명"] = Name, ["상호"] = Name,
        ["businessregistrationnumber"] = BusinessRegistrationNumber, ["registrationnumber"] = BusinessRegistrationNumber,
        ["사업자등록번호"] = BusinessRegistrationNumber,
        ["feerate"] = FeeRate, ["수수료율"] = FeeRate,
        ["vatrule"] = VatRule, ["부가세"] = VatRule, ["부가세규칙"] = VatRule,
        ["settlementcycle"] = SettlementCycle, ["정산주기"] = SettlementCycle,
    };

    /// <summary>The column a header text names, or null for a column the upload does not use.</summary>
    public static string? Of(string header)
    {
        var key = new string(header.Where(character => !char.IsWhiteSpace(character) && character is not ('_' or '-')).ToArray()).ToLowerInvariant();
        return ByHeader.GetValueOrDefault(key);
    }
}
