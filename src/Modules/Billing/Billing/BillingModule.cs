using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Modular.Billing.Features;
using Modular.Billing.Features.CancelDispatch;
using Modular.Billing.Features.CreateCreditNote;
using Modular.Billing.Features.CreateDispatch;
using Modular.Billing.Features.Dispatching;
using Modular.Billing.Features.GenerateInvoices;
using Modular.Billing.Features.GetDispatch;
using Modular.Billing.Features.GetDispatchInvoices;
using Modular.Billing.Features.GetInvoice;
using Modular.Billing.Features.GetInvoicePdf;
using Modular.Billing.Features.GetInvoices;
using Modular.Billing.Features.GetPricePlans;
using Modular.Billing.Features.ImportUsage;
using Modular.Billing.Features.IssueInvoices;
using Modular.Billing.Features.RetryDispatch;
using Modular.Billing.Features.SetPricePlan;
using Modular.Billing.Features.VoidInvoice;
using Modular.Billing.Infrastructure;
using Modular.Billing.Pdf;
using Modular.Billing.ReadModels;
using Modular.BuildingBlocks.Infrastructure.Email;
using Modular.BuildingBlocks.Infrastructure.Messaging;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.BuildingBlocks.Web.Modules;

namespace Modular.Billing;

public sealed class BillingModule : IModule
{
    public const string ModuleName = "billing";

    /// <summary>
    /// Write pool, a hard cap: a dispatch needs one connection for its lock, one for its chunk query and one per invoice
    /// being recorded (DispatchParallelism), requests and the outbox share the rest. See docs/modules/billing.md.
    /// </summary>
    public const int WritePoolSize = 10;

    public const int ReadPoolSize = 5;

    public string Name => ModuleName;

    public void AddServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDatabase<BillingDbContext>(ModuleName, context.Services.Postgres, WritePoolSize);
        services.AddUniqueConstraintErrors(ModuleName, new Dictionary<string, BuildingBlocks.Domain.Errors.Error>
        {
            ["invoices_one_per_organization_month"] = InvoiceErrors.GenerationConflict,
        });
        services.AddOptions<BillingOptions>().Bind(context.Configuration.GetSection(BillingOptions.Section))
            .PostConfigure(options => options.ChromiumPath ??= context.Configuration[BillingOptions.ChromiumVariable]);
        services.AddEmail(context.Configuration, context.Services.Smtp);
        services.AddSingleton<BillingMetrics>();
        services.AddSingleton<PdfRenderer>();
        services.AddSingleton<DispatchSignal>();
        services.AddHostedService<DispatchWorker>();
        services.AddReadStore<BillingDbContext>(
            ModuleName, context.Services.Postgres, context.Configuration["Billing:ReadConnectionString"], ReadPoolSize, BillingReadStore.Declare);
    }

    public void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddModuleEndpoints<BillingDbContext>(ModuleName);
        bus.AddModuleBatchConsumer<InvoiceChangedProjection>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSetPricePlan();
        endpoints.MapGetPricePlans();
        endpoints.MapImportUsage();
        endpoints.MapGenerateInvoices();
        endpoints.MapIssueInvoices();
        endpoints.MapVoidInvoice();
        endpoints.MapCreateCreditNote();
        endpoints.MapGetInvoices();
        endpoints.MapGetInvoice();
        endpoints.MapGetInvoicePdf();
        endpoints.MapCreateDispatch();
        endpoints.MapGetDispatch();
        endpoints.MapGetDispatchInvoices();
        endpoints.MapRetryDispatch();
        endpoints.MapCancelDispatch();
    }
}
