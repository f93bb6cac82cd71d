using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Modular.BuildingBlocks.Application;
using Modular.BuildingBlocks.Infrastructure.Messaging;
using Modular.BuildingBlocks.Infrastructure.Migrations;
using Modular.BuildingBlocks.Infrastructure.ReadModels;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.BuildingBlocks.Infrastructure.Settings;
using Modular.BuildingBlocks.Web.Health;
using Modular.BuildingBlocks.Web.Input;
using Modular.BuildingBlocks.Web.Modules;
using Modular.BuildingBlocks.Web.Observability;
using Modular.BuildingBlocks.Web.OpenApi;
using Modular.BuildingBlocks.Web.Priority;
using Modular.BuildingBlocks.Web.Problems;
using Modular.BuildingBlocks.Web.Security;
using Npgsql;

namespace Modular.BuildingBlocks.Web;

/// <summary>The cross-cutting web platform every module runs in: problem details, logs, authentication, health, OpenAPI, bus, migrations.</summary>
public static class ModularPlatform
{
    /// <summary>The tag of the checks /health/ready runs; a module adds its own readiness checks with it.</summary>
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddModularPlatform(this WebApplicationBuilder builder, IReadOnlyList<IModule> modules)
    {
        // A configuration key named like a services.env line wins over the environment (test hosts point at their containers).
        var settings = ServiceSettings.FromEnvironment().OverriddenBy(key => builder.Configuration[key]);
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestLineSize = RequestTargetLimit.KestrelRequestLineBytes);

        builder.Logging.ClearProviders().AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "O";
        });
        builder.AddPlatformTelemetry();

        services.AddSingleton(settings);
        // A small pool for the platform itself (migrations, health); modules size their own pools.
        var platformPool = new ConnectionPool("modular-platform", 5);
        services.AddSingleton(platformPool);
        services.AddSingleton(_ => NpgsqlDataSource.Create(settings.Postgres.ConnectionString(platformPool.MaxSize, platformPool.Name)));
        services.AddSingleton<SqlMigrator>();
        services.AddHostedService<MigrationHostedService>();
        services.Configure<ConnectionBudgetOptions>(builder.Configuration.GetSection(ConnectionBudgetOptions.Section));
        services.AddHostedService<ConnectionBudgetCheck>();

        // Registered before AddProblemDetails' own writer, so it is the one that writes (whatever the Accept header).
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = AddCodeAndCorrelation);
        services.Configure<ProblemOptions>(builder.Configuration.GetSection(ProblemOptions.Section));
        services.AddSingleton<UniqueConstraintErrors>();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Binding failures (malformed JSON, wrong types) throw so the exception handler answers them as problems.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options => options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgresql", tags: [ReadyTag])
            .AddCheck<OutboxBacklogHealthCheck>("outbox", tags: [ReadyTag])
            .AddCheck<DeadLetterHealthCheck>("dead-letters", tags: [ReadyTag]);
        services.AddApiDocument();
        services.AddPlatformAuthentication(builder.Configuration, builder.Environment);

        services.AddMessagingBackbone(builder.Configuration);
        var context = new ModuleContext(settings, builder.Configuration, builder.Environment);
        foreach (var module in modules)
        {
            services.AddSingleton(module);
            services.AddHandlersAndValidators(module.GetType().Assembly);
            module.AddServices(services, context);
        }

        var moduleByAssembly = modules.ToDictionary(module => module.GetType().Assembly, module => module.Name);
        services.AddModularBus(settings.RabbitMq, moduleByAssembly, bus =>
        {
            foreach (var module in modules)
            {
                module.AddConsumers(bus);
            }
        });

        return builder;
    }

    public static WebApplication UseModularPlatform(this WebApplication app)
    {
        app.UseMiddleware<ForegroundDemandMiddleware>();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<RequestTargetLimit>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapApiDocument();
        app.MapPlatformMetrics();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });

        foreach (var module in app.Services.GetServices<IModule>())
        {
            // Every module endpoint refuses text PostgreSQL cannot store before its handler runs.
            module.MapEndpoints(app.MapModuleGroup(module.Name).AddEndpointFilterFactory(StorableTextFilter.Create));
        }

        return app;
    }

    /// <summary>Applies all migrations and returns; used by <c>Host --migrate-only</c> and by run.sh.</summary>
    public static Task MigrateAsync(this WebApplication app, CancellationToken cancellationToken) =>
        app.Services.GetRequiredService<SqlMigrator>().MigrateAsync(app.Services.GetServices<IModule>().ToMigrationSources(), cancellationToken);

    /// <summary>
    /// Rebuilds a module's documents (or every module's, for <c>all</c>) from its write model, after migrations; used by
    /// <c>Host --rebuild-read-models &lt;module&gt;</c>. Safe while other instances serve traffic.
    /// </summary>
    public static async Task RebuildReadModelsAsync(this WebApplication app, string module, CancellationToken cancellationToken)
    {
        var rebuilds = app.Services.GetServices<IReadModelRebuild>().Where(rebuild => module == "all" || rebuild.Module == module).ToList();
        if (rebuilds.Count == 0)
        {
            var known = string.Join(", ", app.Services.GetServices<IReadModelRebuild>().Select(rebuild => rebuild.Module).Distinct());
            throw new InvalidOperationException($"No read models to rebuild for '{module}'; modules with read models: {known} (or all).");
        }

        await app.MigrateAsync(cancellationToken);
        foreach (var rebuild in rebuilds)
        {
            await rebuild.RebuildAsync(cancellationToken);
        }
    }

    /// <summary>Runs every module's demo-data seeder (after migrations); used by <c>Host --seed-demo</c> in Development only.</summary>
    public static async Task SeedDemoDataAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        if (!app.Environment.IsDevelopment())
        {
            throw new InvalidOperationException("Demo data is only written in the Development environment.");
        }

        await app.MigrateAsync(cancellationToken);
        await using var scope = app.Services.CreateAsyncScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>())
        {
            await seeder.SeedAsync(cancellationToken);
        }
    }

    private static void AddCodeAndCorrelation(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Status ??= context.HttpContext.Response.StatusCode;
        problem.Extensions.TryAdd("code", ProblemCodes.ForStatus(problem.Status.Value));
        problem.Instance ??= context.HttpContext.Request.Path;
        if (CorrelationIdMiddleware.Of(context.HttpContext) is { } correlationId)
        {
            problem.Extensions["correlationId"] = correlationId;
        }
    }
}
