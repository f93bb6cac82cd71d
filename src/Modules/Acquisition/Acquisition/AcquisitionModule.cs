using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Modular.Acquisition.CardNetwork;
using Modular.Acquisition.Features;
using Modular.Acquisition.Features.Acquire;
using Modular.Acquisition.Features.AuthorizePayment;
using Modular.Acquisition.Features.CancelPayment;
using Modular.Acquisition.Features.CloseAcquiringError;
using Modular.Acquisition.Features.CreateMerchant;
using Modular.Acquisition.Features.GetAcquiringError;
using Modular.Acquisition.Features.GetAcquiringErrors;
using Modular.Acquisition.Features.GetFraudDetection;
using Modular.Acquisition.Features.GetFraudDetections;
using Modular.Acquisition.Features.GetMerchant;
using Modular.Acquisition.Features.GetMerchants;
using Modular.Acquisition.Features.GetTransactions;
using Modular.Acquisition.Features.ImportMerchants;
using Modular.Acquisition.Features.RetryAcquiringErrors;
using Modular.Acquisition.Features.ReviewFraudDetection;
using Modular.Acquisition.Features.ScreenFraud;
using Modular.Acquisition.Features.UpdateMerchant;
using Modular.Acquisition.Infrastructure;
using Modular.Acquisition.ReadModels;
using Modular.BuildingBlocks.Infrastructure.Email;
using Modular.BuildingBlocks.Infrastructure.Messaging;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.BuildingBlocks.Web;
using Modular.BuildingBlocks.Web.Modules;

namespace Modular.Acquisition;

public sealed class AcquisitionModule : IModule
{
    public const string ModuleName = "acquisition";

    public string Name => ModuleName;

    public void AddServices(IServiceCollection services, ModuleContext context)
    {
        // No connection ever waits on the card network (the authorizer calls it outside any transaction), so every use
        // is short: 1 held by the authorizer's LISTEN, its lease claims and one short transaction per batch of answers, the
        // consumers' transactions (3 endpoints × ConcurrentMessageLimit, a few ms each), admin commands and the outbox
        // dispatcher. 20 keeps the platform's sum of pools well under max_connections.
        services.AddModuleDatabase<AcquisitionDbContext>(ModuleName, context.Services.Postgres, maxPoolSize: 20);
        services.AddUniqueConstraintErrors(ModuleName, MerchantErrors.ByUniqueIndex);
        services.Configure<CardNetworkOptions>(context.Configuration.GetSection(CardNetworkOptions.Section));
        services.Configure<AuthorizerOptions>(context.Configuration.GetSection(AuthorizerOptions.Section));
        services.AddSingleton<ICardNetwork, SimulatedCardNetwork>();
        // The recorder is registered first so it stops last: the authorizer's shutdown waits for its answers to be recorded.
        services.AddSingleton<AcquisitionMetrics>();
        services.AddSingleton<PaymentAnswerRecorder>();
        services.AddHostedService(provider => provider.GetRequiredService<PaymentAnswerRecorder>());
        services.AddHostedService<PaymentAuthorizer>();
        AddAcquiring(services, context);
        services.AddReadStore<AcquisitionDbContext>(
            ModuleName, context.Services.Postgres, context.Configuration["Acquisition:ReadConnectionString"], maxPoolSize: 5, AcquisitionReadStore.Declare);
        services.AddReadModelRebuild<AcquisitionDbContext, PaymentTransactionDocument>(
            ModuleName, PaymentTransactionRebuild.Table, PaymentTransactionRebuild.LoadAsync, PaymentTransactionDocument.Newer);
        services.AddReadModelRebuild<AcquisitionDbContext, MerchantDocument>(
            ModuleName, MerchantRebuild.Table, MerchantRebuild.LoadAsync, MerchantDocument.Newer);
        services.AddReadModelRebuild<AcquisitionDbContext, FraudDetectionDocument>(
            ModuleName, FraudDetectionRebuild.Table, FraudDetectionRebuild.LoadAsync, FraudDetectionDocument.Newer);
        AddFraudRules(services, context);
    }

    /// <summary>The acquiring loop (Features/Acquire): one leader across instances, its error table, alerts and lag.</summary>
    private static void AddAcquiring(IServiceCollection services, ModuleContext context)
    {
        services.Configure<AcquiringOptions>(context.Configuration.GetSection(AcquiringOptions.Section));
        services.AddEmail(context.Configuration, context.Services.Smtp);
        services.AddSingleton<AcquiringQueue>();
        services.AddSingleton<AcquisitionWriter>();
        services.AddSingleton<AcquiringErrorLog>();
        services.AddSingleton<AbandonedAlerts>();
        services.AddSingleton<AcquiringLag>();
        services.AddSingleton<AcquiringLeadership>();
        services.AddSingleton<AcquiringRun>();
        services.AddHostedService<AcquiringLoop>();
        services.AddHealthChecks().AddCheck<AcquiringLagHealthCheck>("acquiring-lag", tags: [ModularPlatform.ReadyTag]);
    }

    public void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddModuleEndpoints<AcquisitionDbContext>(ModuleName);
        bus.AddModuleBatchConsumer<AuthorizePaymentConsumer>();
        bus.AddConsumer<CancelPaymentConsumer>();
        bus.AddModuleBatchConsumer<PaymentTransactionProjection>();
        bus.AddModuleBatchConsumer<MerchantProjection>();
        bus.AddConsumer<FraudScreeningConsumer>();
        bus.AddModuleBatchConsumer<FraudDetectionProjection>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapCreateMerchant();
        endpoints.MapImportMerchants();
        endpoints.MapUpdateMerchant();
        endpoints.MapGetMerchants();
        endpoints.MapGetMerchant();
        endpoints.MapGetTransactions();
        endpoints.MapGetAcquiringErrors();
        endpoints.MapGetAcquiringError();
        endpoints.MapRetryAcquiringErrors();
        endpoints.MapCloseAcquiringError();
        endpoints.MapGetAcquiringMetrics();
        endpoints.MapGetFraudDetections();
        endpoints.MapGetFraudDetection();
        endpoints.MapReviewFraudDetection();
    }

    /// <summary>The fraud rules, screened in this order after every chunk of acquisitions; a new rule is one more line.</summary>
    private static void AddFraudRules(IServiceCollection services, ModuleContext context)
    {
        services.Configure<FraudRuleOptions>(context.Configuration.GetSection(FraudRuleOptions.Section));
        services.AddSingleton<FraudMetrics>();
        services.AddScoped<IFraudRule, AmountThresholdRule>();
        services.AddScoped<IFraudRule, CardVelocityRule>();
        services.AddScoped<IFraudRule, MerchantDeviationRule>();
    }
}
