using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.ServiceDefaults.Health;
using IgnitionToolkit.ServiceDefaults.Logging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>Shared service wiring: Serilog, validated settings, OpenTelemetry, health checks, Prometheus, service discovery, HTTP resilience.</summary>
public static class ServiceDefaultsExtensions
{
    public const string HealthPath = "/health";

    /// <summary>Tag of health checks listed in <c>/health</c> that do not change its overall status or HTTP code.</summary>
    public const string InformationalHealthTag = "informational";
    public const string AlivePath = "/alive";
    public const string MetricsPath = "/metrics";

    /// <summary>Activity sources and meters of the toolkit and of MassTransit that every service exports.</summary>
    public static readonly string[] ToolkitSources = ["IgnitionToolkit", "IgnitionToolkit.*", "MassTransit"];

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.ClearProviders(); // Serilog writes the console; OpenTelemetry exports
        builder.AddToolkitLogging();
        builder.AddSharedSettings();
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // The framework's loggers keep the raw URL in a logging scope that no masking reaches (MaskedHttpClientLogger).
            http.RemoveAllLoggers().AddLogger(services => new MaskedHttpClientLogger(
                services.GetRequiredService<ILoggerFactory>().CreateLogger(MaskedHttpClientLogger.Category)));
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    /// <summary>
    /// Metrics always (Prometheus <c>/metrics</c>); traces and the OpenTelemetry log provider only when an OTLP
    /// endpoint is configured (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, as the AppHost sets it for the dashboard). Without an
    /// exporter they went nowhere, but every span and every log line still went through them and their secret masking:
    /// a Runner spent more time there than in a <c>utility.log</c> step (docs/performance.md).
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var exporting = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        IgnitionToolkit.ServiceDefaults.Telemetry.SecretMaskingActivityProcessor.RegisterExceptionRecorder();
        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(ToolkitSources)
                .AddPrometheusExporter());
        if (!exporting) return builder;

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            logging.AddProcessor(new IgnitionToolkit.ServiceDefaults.Logging.SecretMaskingLogProcessor()); // first: every exporter gets masked records
        });
        telemetry
            .WithTracing(tracing => tracing
                .AddProcessor(new IgnitionToolkit.ServiceDefaults.Telemetry.SecretMaskingActivityProcessor()) // first: every exporter gets masked spans
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(ToolkitSources)
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx =>
                    !ctx.Request.Path.StartsWithSegments(HealthPath) &&
                    !ctx.Request.Path.StartsWithSegments(AlivePath) &&
                    !ctx.Request.Path.StartsWithSegments(MetricsPath))
                .AddHttpClientInstrumentation())
            .UseOtlpExporter();
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.TryAddSingleton(ToolkitPaths.Resolve(key => builder.Configuration[key]));
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"])
            .AddCheck<DiskSpaceHealthCheck>("disk", tags: ["ready"])
            .AddCheck<DataFolderWritableHealthCheck>("data_folder", tags: ["ready"]);
        return builder;
    }

    /// <summary>Maps <c>/health</c> (all checks, JSON detail), <c>/alive</c> (liveness) and <c>/metrics</c> (Prometheus).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate(); // settings first: mapping health resolves services
        // Open on purpose (probes and scrapers carry no token); declared so that no endpoint is open by omission.
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync }).AllowAnonymous();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") }).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
        return app;
    }
}
