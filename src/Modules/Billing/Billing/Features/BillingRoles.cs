using Modular.BuildingBlocks.Application.Security;

namespace Modular.Billing.Features;

internal static class BillingRoles
{
    /// <summary>Who reads invoices: billing operators (all) and billing customers (their own organization's, scoped in the handlers).</summary>
    public static readonly string[] InvoiceReaders = [Roles.BillingOperator, Roles.BillingCustomer];
}
