using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>Writes health reports as JSON with one entry per component. Components tagged
/// <see cref="ServiceDefaultsExtensions.InformationalHealthTag"/> are listed but do not change the overall status (nor the HTTP status code).</summary>
internal static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var counted = report.Entries.Values.Where(e => !e.Tags.Contains(ServiceDefaultsExtensions.InformationalHealthTag)).Select(e => e.Status).ToList();
        var status = counted.Count == 0 ? report.Status : counted.Min();
        if (status != report.Status)
            context.Response.StatusCode = status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        var body = new
        {
            status = status.ToString(),
            totalDurationMs = report.TotalDuration.TotalMilliseconds,
            components = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, durationMs = e.Value.Duration.TotalMilliseconds }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
