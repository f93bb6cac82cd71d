namespace Modular.Billing.Features.ImportUsage;

/// <summary>
/// The columns of a usage upload, each recognised by its name or a Korean header; case, spaces, underscores and hyphens
/// do not matter ("API key", "api_key", "키").
/// </summary>
internal static class UsageColumns
{
    public const string OrganizationId = "organizationId";
    public const string ApiKey = "apiKey";
    public const string BatchDate = "batchDate";
    public const string Product = "product";
    public const string Quantity = "quantity";
    public const string Unit = "unit";

    public static readonly IReadOnlyList<string> InOrder = [OrganizationId, ApiKey, BatchDate, Product, Quantity, Unit];

    private static readonly Dictionary<string, string> ByHeader = new(StringComparer.Ordinal)
    {
        ["organizationid"] = OrganizationId, ["조직id"] = OrganizationId,
        ["apikey"] = ApiKey, ["key"] = ApiKey, ["키"] = ApiKey,
        ["batchdate"] = BatchDate, ["date"] = BatchDate, ["배치일"] = BatchDate,
        ["product"] = Product, ["상품"] = Product,
        ["quantity"] = Quantity, ["수량"] = Quantity,
        ["unit"] = Unit, ["단위"] = Unit,
    };

    public static string? Of(string header)
    {
        var key = new string(header.Where(character => !char.IsWhiteSpace(character) && character is not ('_' or '-')).ToArray()).ToLowerInvariant();
        return ByHeader.GetValueOrDefault(key);
    }
}
