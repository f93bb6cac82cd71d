using Modular.BuildingBlocks.Application.Security;

namespace Modular.Settlement.Features;

/// <summary>Who reads the ledger and exports it; merchant admins see only their organization's rows (scoped in the handlers).</summary>
internal static class SettlementRoles
{
    public static readonly string[] LedgerReaders = [Roles.FinanceOperator, Roles.MerchantAdmin];

    public static readonly string[] Reconcilers = [Roles.FinanceOperator];
}
