namespace Modular.BuildingBlocks.Application.Security;

/// <summary>
/// The roles of the platform. Each is also the name of an authorization policy (see the Web building block), and
/// PlatformAdmin satisfies every policy.
/// </summary>
public static class Roles
{
    public const string PlatformAdmin = "PlatformAdmin";
    public const string FinanceOperator = "FinanceOperator";
    public const string BillingOperator = "BillingOperator";
    public const string RiskManager = "RiskManager";
    public const string MerchantAdmin = "MerchantAdmin";
    public const string MerchantUser = "MerchantUser";
    public const string Customer = "Customer";

    /// <summary>A user of a billing-customer organization: sees its own organization's invoices and their PDFs.</summary>
    public const string BillingCustomer = "BillingCustomer";

    public static IReadOnlyList<string> All { get; } =
        [PlatformAdmin, FinanceOperator, BillingOperator, RiskManager, MerchantAdmin, MerchantUser, Customer, BillingCustomer];

    /// <summary>Roles of the company's own staff: they see every organization's data.</summary>
    public static IReadOnlyList<string> Operators { get; } = [PlatformAdmin, FinanceOperator, BillingOperator, RiskManager];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
