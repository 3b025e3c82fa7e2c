namespace IgnitionToolkit.Runner.Extensions;

/// <summary>Builds the hosted Runner (worker with <c>/health</c>, <c>/alive</c>, <c>/metrics</c>).</summary>
public static class RunnerApplication
{
    /// <param name="configure">Extra wiring after the defaults (tests replace services here).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.AddRunner();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        return app;
    }
}
