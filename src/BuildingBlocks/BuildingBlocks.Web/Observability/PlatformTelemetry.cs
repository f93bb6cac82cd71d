using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Modular.BuildingBlocks.Application.Security;
using Modular.BuildingBlocks.Web.Security;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Modular.BuildingBlocks.Web.Observability;

/// <summary>
/// OpenTelemetry for the platform: traces (ASP.NET Core, HttpClient, Npgsql, MassTransit, the outbox), metrics (ASP.NET
/// Core, runtime, Npgsql pools, <c>Modular.*</c> meters) on a Prometheus endpoint, OTLP export of both when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set, and the trace and span ids in every log line. See docs/observability.md.
/// </summary>
public static class PlatformTelemetry
{
    public const string MetricsPath = "/metrics";

    // Every module's own meter and activity source is named "Modular.<Module>"; the platform's is "Modular.Messaging".
    private const string PlatformNames = "Modular.*";
    private const string MassTransitSource = "MassTransit";
    private const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddPlatformTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]);
        var ratio = Math.Clamp(options.TraceSampleRatio ?? (otlp ? 0.1 : 0), 0, 1);
        builder.Services.AddSingleton(options);

        builder.Logging.Configure(logging => logging.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("modular"))
            .WithTracing(tracing => tracing
                .SetSampler(new PlatformSampler(ratio))
                // Health probes and scrapes arrive every few seconds and tell nothing a trace would.
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsOperationalPath(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(MassTransitSource, PlatformNames))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(PlatformNames)
                .AddPrometheusExporter());
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        if (options.MetricsUrl is { Length: > 0 } metricsUrl)
        {
            // Added to the configured URLs (ASPNETCORE_URLS): an explicit Kestrel Listen would replace them.
            var urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);
            builder.WebHost.UseUrls([.. (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries), metricsUrl]);
        }

        return builder;
    }

    /// <summary>Maps <c>/metrics</c>: on its own port when <see cref="ObservabilityOptions.MetricsUrl"/> is set, else for the operators' roles.</summary>
    public static WebApplication MapPlatformMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<ObservabilityOptions>();
        var scrape = app.MapPrometheusScrapingEndpoint(MetricsPath);
        if (options.MetricsUrl is { Length: > 0 } metricsUrl)
        {
            scrape.RequireHost($"*:{new Uri(metricsUrl.Replace("*", "localhost").Replace("+", "localhost")).Port}");
        }
        else
        {
            scrape.RequireAnyRole([.. Roles.Operators]);
        }

        return app;
    }

    private static bool IsOperationalPath(Microsoft.AspNetCore.Http.PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(MetricsPath);
}
