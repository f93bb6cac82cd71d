using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Infrastructure.Messaging;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.BuildingBlocks.Web.Modules;
using Microsoft.Extensions.Configuration;
using Modular.Acquisition.Contracts;
using Modular.Ordering.Contracts;
using Modular.Ordering.Features.CancelOrder;
using Modular.Ordering.Features.Checkout;
using Modular.Ordering.Features.CreateProduct;
using Modular.Ordering.Features.GetBulkOrder;
using Modular.Ordering.Features.GetMyOrders;
using Modular.Ordering.Features.GetOrder;
using Modular.Ordering.Features.GetProduct;
using Modular.Ordering.Features.SearchBulkOrders;
using Modular.Ordering.Features.SearchOrders;
using Modular.Ordering.Features.SearchProducts;
using Modular.Ordering.Features.ShipOrder;
using Modular.Ordering.Features.SubmitBulkOrder;
using Modular.Ordering.ReadModels;
using Modular.Ordering.Features.PlaceOrder;
using Modular.Ordering.Features.PlaceOrder.Reservations;
using Modular.Ordering.Features.RestockProduct;
using Modular.Ordering.Features.UpdateProduct;
using Modular.Ordering.Infrastructure;

namespace Modular.Ordering;

public sealed class OrderingModule : IModule
{
    public const string ModuleName = "ordering";

    public string Name => ModuleName;

    public void AddServices(IServiceCollection services, ModuleContext context)
    {
        // Requests use at most a few connections (the batcher one per batch, catalog lookups); the rest is for
        // the outbox dispatcher and consumers.
        services.AddModuleDatabase<OrderingDbContext>(ModuleName, context.Services.Postgres, maxPoolSize: 30);
        services.AddSingleton<OrderingMetrics>();
        services.AddSingleton<ProductCatalogCache>();
        services.AddSingleton<SoldOutProducts>();
        services.AddSingleton<ReservationBatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<ReservationBatcher>());
        services.Configure<CheckoutOptions>(context.Configuration.GetSection(CheckoutOptions.Section));
        services.AddScoped<PayOrderActivity>();
        services.AddScoped<CancelOrderActivity<PaymentDeclined>>();
        services.AddScoped<CancelOrderActivity<CheckoutPaymentTimedOut>>();
        services.AddHostedService<PaymentTimeoutWorker>();
        services.AddReadStore<OrderingDbContext>(
            ModuleName, context.Services.Postgres, context.Configuration["Ordering:ReadConnectionString"], maxPoolSize: 10, OrderReadStore.Declare);
        services.AddReadModelRebuild<OrderingDbContext, OrderDocument>(ModuleName, OrderRebuild.Table, OrderRebuild.LoadAsync, OrderRebuild.Merge);
        services.AddReadModelRebuild<OrderingDbContext, BulkOrderDocument>(
            ModuleName, BulkOrderRebuild.Table, BulkOrderRebuild.LoadAsync, BulkOrderRebuild.Merge);
    }

    public void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddModuleEndpoints<OrderingDbContext>(ModuleName);
        bus.AddModuleSaga<CheckoutStateMachine, CheckoutState, OrderingDbContext>();
        bus.AddModuleBatchConsumer<OrderPlacedProjection>();
        bus.AddModuleBatchConsumer<OrderPaidProjection>();
        bus.AddModuleBatchConsumer<OrderCancelledProjection>();
        bus.AddModuleBatchConsumer<OrderShippedProjection>();
        bus.AddModuleBatchConsumer<BulkOrderProjection>();
        bus.AddConsumer<BulkOrderSubmittedConsumer>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapCreateProduct();
        endpoints.MapUpdateProduct();
        endpoints.MapRestockProduct();
        endpoints.MapGetProduct();
        endpoints.MapSearchProducts();
        endpoints.MapPlaceOrder();
        endpoints.MapCancelOrder();
        endpoints.MapShipOrder();
        endpoints.MapGetMyOrders();
        endpoints.MapSearchOrders();
        endpoints.MapGetOrder();
        endpoints.MapSubmitBulkOrder();
        endpoints.MapSearchBulkOrders();
        endpoints.MapGetBulkOrder();
    }
}
