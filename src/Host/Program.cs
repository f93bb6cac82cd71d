using Modular.Acquisition;
using Modular.Billing;
using Modular.BuildingBlocks.Web;
using Modular.BuildingBlocks.Web.Modules;
using Modular.Funding;
using Modular.IAM;
using Modular.Ordering;
using Modular.Host;
using Modular.Settlement;

IModule[] modules =
[
    new IamModule(),
    new AcquisitionModule(),
    new OrderingModule(),
    new FundingModule(),
    new SettlementModule(),
    new BillingModule(),
];

var builder = WebApplication.CreateBuilder(args);
builder.AddModularPlatform(modules);
var app = builder.Build();

if (args.Contains("--migrate-only"))
{
    await app.MigrateAsync(CancellationToken.None);
    return;
}

if (Array.IndexOf(args, "--rebuild-read-models") is >= 0 and var rebuild)
{
    await app.RebuildReadModelsAsync(args.ElementAtOrDefault(rebuild + 1) ?? "all", CancellationToken.None);
    return;
}

if (args.Contains("--seed-demo"))
{
    await app.SeedDemoDataAsync(CancellationToken.None);
    return;
}

app.UseModularPlatform();
app.UseOperatorConsole();
app.Run();

/// <summary>Exposed for WebApplicationFactory in the integration tests.</summary>
public partial class Program;
