namespace Modular.BuildingBlocks.Web.Observability;

/// <summary>Tracing and metrics settings, section "Observability" (OTLP itself takes the standard OTEL_EXPORTER_OTLP_* variables).</summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    /// <summary>
    /// Share of new traces recorded (0..1). Unset: 0.1 when an OTLP endpoint is configured, else 0 (nobody would read them).
    /// A span whose parent was recorded is always recorded, so a sampled checkout stays whole.
    /// </summary>
    public double? TraceSampleRatio { get; set; }

    /// <summary>
    /// When set (e.g. <c>http://*:9464</c>), <c>/metrics</c> is served there only, without authentication, for a
    /// Prometheus on the operators' network; unset, it is served on the API port to the operators' roles.
    /// </summary>
    public string? MetricsUrl { get; set; }
}
