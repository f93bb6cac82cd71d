using Microsoft.Extensions.Options;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.Modules;
using Modular.IAM.Domain;
using Modular.IAM.Infrastructure;

namespace Modular.IAM.Features.Provisioning;

/// <summary>
/// Development only (run.sh --seed-demo): one user per role with a fixed, documented password, a demo merchant and a
/// billing customer with a primary contact. The outbox carries the events to the read side once the host runs.
/// </summary>
internal sealed class DemoDataSeeder(IamDbContext db, AccountProvisioning provisioning, IOptions<IamOptions> options, TimeProvider clock) : IDemoDataSeeder
{
    public const string Password = "Modular-Demo-2026";

    private static readonly (string Email, string Name, string Role)[] PlatformUsers =
    [
        ("admin@modular.demo", "Ada Admin", Roles.PlatformAdmin),
        ("finance@modular.demo", "Fin Operator", Roles.FinanceOperator),
        ("billing@modular.demo", "Bill Operator", Roles.BillingOperator),
        ("risk@modular.demo", "Risa Manager", Roles.RiskManager),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var iterations = options.Value.PasswordIterations;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var platform = await provisioning.EnsureOrganizationAsync(OrganizationKind.Platform, "Modular Platform", BootstrapAdmin.PlatformRegistrationNumber, cancellationToken);
        foreach (var (email, name, role) in PlatformUsers)
        {
            await provisioning.EnsureUserAsync(email, name, platform, [role], Password, iterations, cancellationToken);
        }

        var merchant = await provisioning.EnsureOrganizationAsync(OrganizationKind.Merchant, "Demo Merchant", "DEMO-MERCHANT-001", cancellationToken);
        await provisioning.EnsureUserAsync("merchant.admin@modular.demo", "Mia Merchant", merchant, [Roles.MerchantAdmin], Password, iterations, cancellationToken);
        await provisioning.EnsureUserAsync("merchant.user@modular.demo", "Max Merchant", merchant, [Roles.MerchantUser], Password, iterations, cancellationToken);
        await provisioning.EnsureUserAsync("customer@modular.demo", "Chris Customer", organization: null, [Roles.Customer], Password, iterations, cancellationToken);

        var billed = await provisioning.EnsureOrganizationAsync(OrganizationKind.BillingCustomer, "Demo Billing Customer", "DEMO-BILLED-001", cancellationToken);
        if (billed.Contacts.Count == 0)
        {
            billed.AddContact("Accounts Payable", "ap@billed.demo", isPrimary: true, clock.GetUtcNow().UtcDateTime);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
