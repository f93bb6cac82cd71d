using Modular.BuildingBlocks.Application.Security;

namespace Modular.Ordering.Features;

internal static class OrderingRoles
{
    /// <summary>Who may read products and an order: shoppers, merchant staff and operators; the handlers scope what each sees.</summary>
    public static readonly string[] Readers =
        [Roles.Customer, Roles.MerchantAdmin, Roles.MerchantUser, Roles.FinanceOperator, Roles.BillingOperator, Roles.RiskManager];
}
