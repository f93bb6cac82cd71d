using Modular.BuildingBlocks.Application.Security;

namespace Modular.Acquisition.Features;

internal static class AcquisitionRoles
{
    /// <summary>Who may read merchants and transactions: operators (everything) and merchant staff (their organization, scoped in the handlers).</summary>
    public static readonly string[] Readers =
        [Roles.FinanceOperator, Roles.BillingOperator, Roles.RiskManager, Roles.MerchantAdmin, Roles.MerchantUser];

    /// <summary>Who sees and handles the acquiring loop's errors: the platform's admins and finance (acquisitions are money owed).</summary>
    public static readonly string[] AcquiringOperators = [Roles.PlatformAdmin, Roles.FinanceOperator];
}
