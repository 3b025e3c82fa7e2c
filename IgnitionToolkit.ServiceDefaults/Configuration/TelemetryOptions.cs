namespace IgnitionToolkit.ServiceDefaults.Configuration;

/// <summary>OpenTelemetry export (root keys, as the OpenTelemetry SDK names them; Aspire sets them for the dashboard).</summary>
public sealed class TelemetryOptions
{
    /// <summary><c>OTEL_EXPORTER_OTLP_ENDPOINT</c>: OTLP collector (logs, traces, metrics); unset = no export, <c>/metrics</c> still works.</summary>
    public string? OTEL_EXPORTER_OTLP_ENDPOINT { get; set; }

    /// <summary><c>OTEL_SERVICE_NAME</c>: name of the service in traces (Aspire sets it; default the assembly name).</summary>
    public string? OTEL_SERVICE_NAME { get; set; }

    public static void Rules(TelemetryOptions o, SettingRules rules) =>
        rules.AbsoluteUri(o.OTEL_EXPORTER_OTLP_ENDPOINT, "OTEL_EXPORTER_OTLP_ENDPOINT", "http", "https");
}
