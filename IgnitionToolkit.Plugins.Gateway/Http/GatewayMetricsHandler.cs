using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IgnitionToolkit.Plugins.Gateway.Http;

/// <summary>Measures every HTTP call to a gateway (each attempt, inside the retry policy): histogram
/// <c>toolkit.gateway.request.duration</c> (tags <c>method</c>, <c>status_code</c>) and counter <c>toolkit.gateway.errors</c>
/// (tags <c>method</c>, <c>reason</c>: <c>http_4xx</c>, <c>http_5xx</c>, <c>timeout</c> or <c>connection</c>). Meter <c>IgnitionToolkit.Gateway</c>.</summary>
public sealed class GatewayMetricsHandler : DelegatingHandler
{
    public const string MeterName = "IgnitionToolkit.Gateway";
    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> Duration =
        Meter.CreateHistogram<double>("toolkit.gateway.request.duration", "s", "Duration of HTTP calls to Ignition gateways");
    private static readonly Counter<long> Errors =
        Meter.CreateCounter<long>("toolkit.gateway.errors", "{error}", "Failed HTTP calls to Ignition gateways");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var method = new KeyValuePair<string, object?>("method", request.Method.Method);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, method, new("status_code", code));
            if (code >= 400) Errors.Add(1, method, new("reason", code >= 500 ? "http_5xx" : "http_4xx"));
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, method, new("status_code", 0));
            Errors.Add(1, method, new("reason", ex is OperationCanceledException ? "timeout" : "connection"));
            throw;
        }
    }
}
