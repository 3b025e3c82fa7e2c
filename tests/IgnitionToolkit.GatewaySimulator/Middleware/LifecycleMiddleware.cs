using IgnitionToolkit.GatewaySimulator.State;

namespace IgnitionToolkit.GatewaySimulator.Middleware;

/// <summary>During a restart: drops connections while the gateway is "down", then answers 503 (StatusPing and gwinfo keep
/// answering STARTING) until it is RUNNING again.</summary>
internal sealed class LifecycleMiddleware(RequestDelegate next, GatewayLifecycle lifecycle)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (SimulatorPaths.IsExempt(path))
        {
            await next(context);
            return;
        }
        switch (lifecycle.PhaseSeenByClient())
        {
            case GatewayPhase.Refusing:
                context.Abort();
                return;
            case GatewayPhase.Starting when !IsProbe(path):
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "1";
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync("<html><body><h2>Gateway is starting</h2></body></html>");
                return;
            default:
                await next(context);
                return;
        }
    }

    private static bool IsProbe(PathString path) =>
        path.Equals("/StatusPing", StringComparison.OrdinalIgnoreCase) ||
        path.Equals("/system/gwinfo", StringComparison.OrdinalIgnoreCase);
}
