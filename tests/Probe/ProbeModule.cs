using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.BuildingBlocks.Infrastructure.Messaging;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.BuildingBlocks.Web.Modules;

namespace Modular.Tests.Probe;

/// <summary>A module made only to exercise the backbone end to end: a command, a projection, a failing consumer and a saga.</summary>
public sealed class ProbeModule : IModule
{
    public const string ModuleName = "probe";

    public string Name => ModuleName;

    public void AddServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDatabase<ProbeDbContext>(ModuleName, context.Services.Postgres, maxPoolSize: 40);
        services.AddSingleton<ProbeAttempts>();
        services.AddReadStore<ProbeDbContext>(ModuleName, context.Services.Postgres, readConnectionString: null, maxPoolSize: 5, documents => documents
            .Add<PingDocument>(ping => ping
                .Duplicate(document => document.Applications)
                .Duplicate(document => document.AppliedAt, pgType: "timestamptz", dbType: NpgsqlTypes.NpgsqlDbType.TimestampTz)));
    }

    public void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddModuleEndpoints<ProbeDbContext>(ModuleName);
        bus.AddModuleBatchConsumer<PingRecordedConsumer>();
        bus.AddConsumer<DoomedPingConsumer>();
        bus.AddConsumer<CounterReachedConsumer>();
        bus.AddModuleSaga<CounterStateMachine, CounterState, ProbeDbContext>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/probe/pings", async (RecordPing command, MediatR.IMediator mediator, CancellationToken cancellationToken) =>
            Results.Created($"/api/probe/pings/{command.PingId}", new { id = await mediator.Send(command, cancellationToken) }));
}
