using IgnitionToolkit.GatewaySimulator.State;

namespace IgnitionToolkit.GatewaySimulator.Middleware;

/// <summary>Applies the fault knobs: latency, dropped connections, then a rate of 5xx answers.</summary>
internal sealed class FaultMiddleware(RequestDelegate next, FaultState faults, ILogger<FaultMiddleware> logger)
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Simulated fault probability of a test gateway; nothing secret depends on it.")]
    public async Task InvokeAsync(HttpContext context)
    {
        var settings = faults.Current;
        if (SimulatorPaths.IsExempt(context.Request.Path) || !settings.Applies(context.Request.Path))
        {
            await next(context);
            return;
        }
        faults.CountAffected();
        if (settings.LatencyMs > 0)
        {
            try
            {
                await Task.Delay(settings.LatencyMs, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        if (settings.DropRate > 0 && Random.Shared.NextDouble() < settings.DropRate)
        {
            logger.LogInformation("Fault: dropping the connection of {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Abort();
            return;
        }
        if (settings.ErrorRate > 0 && Random.Shared.NextDouble() < settings.ErrorRate)
        {
            logger.LogInformation("Fault: answering {Status} to {Method} {Path}", settings.ErrorStatusCode, context.Request.Method,
                context.Request.Path);
            context.Response.StatusCode = settings.ErrorStatusCode;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(
                $"<html><body><h2>HTTP ERROR {settings.ErrorStatusCode}</h2><p>Simulated server error</p></body></html>");
            return;
        }
        await next(context);
    }
}
