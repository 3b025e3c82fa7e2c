using IgnitionToolkit.GatewaySimulator.State;
using Microsoft.Extensions.Options;

namespace IgnitionToolkit.GatewaySimulator.Endpoints;

/// <summary>Simulator-only control endpoints (no real gateway has them): state, faults, restart timing, reset.</summary>
internal static class AdminEndpoints
{
    public sealed record RestartTimingDto(int? DelayMs, int? RefuseConnectionsMs, int? DurationMs, int? ModuleLoadMs, bool? ObserveEachPhase = null);
    public sealed record RestartHoldDto(string? Phase);

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/__simulator");
        admin.MapGet("/state", State);
        admin.MapGet("/faults", (FaultState faults) => TypedResults.Ok(faults.Current));
        admin.MapPost("/faults", (FaultSettings settings, FaultState faults) =>
        {
            if (settings.ErrorRate is < 0 or > 1 || settings.DropRate is < 0 or > 1 || settings.LatencyMs < 0 ||
                settings.ErrorStatusCode is < 500 or > 599)
            {
                return Results.Problem("errorRate and dropRate must be within 0..1, latencyMs >= 0, errorStatusCode 500..599.",
                    statusCode: 400, title: "Invalid fault settings");
            }
            faults.Set(settings);
            return Results.Ok(faults.Current);
        });
        admin.MapDelete("/faults", (FaultState faults) =>
        {
            faults.Set(new FaultSettings());
            return TypedResults.Ok(faults.Current);
        });
        admin.MapPost("/restart-timing", (RestartTimingDto dto, GatewayLifecycle lifecycle) =>
        {
            var timing = lifecycle.Timing;
            if (dto.DelayMs is { } delay) { timing.Delay = TimeSpan.FromMilliseconds(delay); }
            if (dto.RefuseConnectionsMs is { } refuse) { timing.RefuseConnectionsFor = TimeSpan.FromMilliseconds(refuse); }
            if (dto.DurationMs is { } duration) { timing.Duration = TimeSpan.FromMilliseconds(duration); }
            if (dto.ModuleLoadMs is { } load) { timing.ModuleLoadDuration = TimeSpan.FromMilliseconds(load); }
            if (dto.ObserveEachPhase is { } observe) { timing.ObserveEachPhase = observe; }
            lifecycle.Timing = timing;
            return TypedResults.Ok(TimingJson(timing));
        });
        admin.MapPost("/restart-hold", (RestartHoldDto dto, GatewayLifecycle lifecycle) =>
        {
            var name = (dto.Phase ?? "none").Replace("_", "", StringComparison.Ordinal);
            if (!Enum.TryParse<RestartHold>(name, ignoreCase: true, out var hold) || int.TryParse(name, out _))
            {
                return Results.Problem("phase must be REFUSING, STARTING, MODULES_LOADING or NONE (null).", statusCode: 400, title: "Invalid restart hold");
            }
            lifecycle.Hold = hold;
            return Results.Ok(new { hold = HoldName(hold), phase = lifecycle.Phase.ToString().ToUpperInvariant() });
        });
        admin.MapPost("/restart", (GatewayState state) => TypedResults.Ok(new { started = state.Restart("requested through /__simulator/restart") }));
        admin.MapDelete("/projects/{name}", (string name, GatewayState state) =>
            state.DeleteProject(name) ? Results.NoContent() : Results.NotFound());
        admin.MapPost("/reset", (GatewayState state, GatewayLifecycle lifecycle, FaultState faults, IdpSessions sessions,
            IOptions<SimulatorOptions> options) =>
        {
            lifecycle.Reset(options.Value.Restart);
            faults.Set(options.Value.Faults);
            sessions.Clear();
            state.Reset();
            return TypedResults.Ok(new { reset = true });
        });
        return app;
    }

    private static string HoldName(RestartHold hold) => hold == RestartHold.ModulesLoading ? "MODULES_LOADING" : hold.ToString().ToUpperInvariant();

    private static IResult State(GatewayState state, FaultState faults, IdpSessions sessions)
    {
        var lifecycle = state.Lifecycle;
        return TypedResults.Ok(new
        {
            phase = lifecycle.Phase.ToString().ToUpperInvariant(),
            modulesLoading = lifecycle.ModulesLoading,
            restartCount = lifecycle.RestartCount,
            runningSince = lifecycle.RunningSince,
            gatewayName = state.GatewayName,
            version = state.Version,
            edition = state.Edition,
            commissioned = state.Commissioned,
            projects = state.Projects.Select(p => p.Name),
            modules = state.Modules.Select(m => new { id = m.Id, version = m.Version }),
            uploadedModules = state.UploadedModules,
            pendingRestarts = state.PendingRestarts,
            trialSecondsLeft = state.Trial.SecondsLeft,
            webSessions = sessions.SessionCount,
            faults = faults.Current,
            faultedRequests = faults.Affected,
            restartTiming = TimingJson(lifecycle.Timing),
            restartHold = HoldName(lifecycle.Hold),
        });
    }

    private static object TimingJson(RestartOptions timing) => new
    {
        delayMs = (int)timing.Delay.TotalMilliseconds,
        refuseConnectionsMs = (int)timing.RefuseConnectionsFor.TotalMilliseconds,
        durationMs = (int)timing.Duration.TotalMilliseconds,
        moduleLoadMs = (int)timing.ModuleLoadDuration.TotalMilliseconds,
        observeEachPhase = timing.ObserveEachPhase,
    };
}
