using IgnitionToolkit.GatewaySimulator.State;

namespace IgnitionToolkit.GatewaySimulator.Endpoints;

/// <summary>Reference section 1: unauthenticated probes and commissioning.</summary>
internal static class ProbeEndpoints
{
    public static IEndpointRouteBuilder MapProbeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/StatusPing", StatusPing);
        app.MapGet("/system/gwinfo", GatewayInfoText);
        app.MapGet("/data/perspective/projects", (GatewayState state) =>
            TypedResults.Ok(state.Projects.Where(p => p.Enabled).Select(p => new { name = p.Name, title = p.Title, description = p.Description })));
        app.MapGet("/health", () => TypedResults.Text("Healthy"));
        app.MapGet("/bootstrap", (GatewayState state) => TypedResults.Ok(new
        {
            edition = state.Edition,
            steps = new { eula = state.Commissioned, authSetup = state.Commissioned, connections = state.Commissioned },
        }));
        app.MapPost("/post-step", PostStep);
        return app;
    }

    private static IResult StatusPing(GatewayState state)
    {
        if (state.Lifecycle.Phase == GatewayPhase.Starting)
        {
            return TypedResults.Ok(new { state = "STARTING" });
        }
        return state.Commissioned
            ? TypedResults.Ok(new { state = "RUNNING" })
            : TypedResults.Ok(new { state = "RUNNING", details = "COMMISSIONING" });
    }

    private static IResult GatewayInfoText(GatewayState state)
    {
        var status = state.Lifecycle.Phase == GatewayPhase.Starting ? "STARTING"
            : state.Commissioned ? "RUNNING" : "NEEDS_COMMISSIONING";
        var edition = string.Equals(state.Edition, "standard", StringComparison.OrdinalIgnoreCase) ? "" : state.Edition;
        var text = string.Join(';',
            $"ContextStatus={status}",
            $"PlatformName={state.GatewayName}",
            $"Version={state.ShortVersion}",
            $"PlatformEdition={edition}",
            "OS=Linux",
            "RuntimeVersion=17.0.13",
            "RedundancyStatus=Independent",
            "RedundantState=Active",
            "RedundantNodeActiveStatus=Active",
            "allowDesignerSSO=false");
        return TypedResults.Text(text, "text/plain");
    }

    private sealed record CommissioningStep(string? Id, string? Step, System.Text.Json.JsonElement? Data);

    private static IResult PostStep(CommissioningStep step, GatewayState state)
    {
        if (string.IsNullOrWhiteSpace(step.Id))
        {
            return TypedResults.Problem("Missing 'id'.", statusCode: 400);
        }
        if (step.Id != "finished")
        {
            return TypedResults.StatusCode(StatusCodes.Status201Created);
        }
        state.Commission();
        return TypedResults.Ok();
    }
}
