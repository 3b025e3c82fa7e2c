using IgnitionToolkit.GatewaySimulator.State;

namespace IgnitionToolkit.GatewaySimulator.Endpoints;

/// <summary>Reference section 2: gateway-info, overview, trial and logs.</summary>
internal static class GatewayEndpoints
{
    public static RouteGroupBuilder MapGatewayEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/gateway-info", GatewayInfo);
        api.MapGet("/overview", Overview);
        api.MapGet("/trial", (GatewayState state) => Trial(state));
        api.MapPost("/trial", (GatewayState state) =>
        {
            state.ResetTrial();
            return Trial(state);
        });
        api.MapGet("/logs", (GatewayState state, string? search, int? limit, int? offset) =>
            ApiResults.Page(state.Logs, l => $"{l.Level} {l.Logger} {l.Message}", search, limit, offset, l => new
            {
                timestamp = l.Timestamp.ToUnixTimeMilliseconds(),
                level = l.Level,
                logger = l.Logger,
                message = l.Message,
            }));
        return api;
    }

    private static IResult GatewayInfo(GatewayState state, HttpContext context)
    {
        var (expired, _) = state.Trial;
        return TypedResults.Ok(new
        {
            name = state.GatewayName,
            redundancyRole = "Independent",
            redundantPeerAddress = "",
            edition = state.Edition,
            hostname = state.Hostname,
            port = context.Connection.LocalPort,
            ignitionVersion = state.Version,
            deploymentMode = "dev",
            timeZone = "Coordinated Universal Time",
            timeZoneId = "UTC",
            jvmVersion = "17.0.13+11",
            allowUnsignedModules = true,
            license = new
            {
                mode = "Trial",
                validForVersion = state.ShortVersion,
                expirationDate = (string?)null,
                licenseRestrictions = new[] { new { name = "trialExpired", value = expired.ToString().ToLowerInvariant() } },
            },
        });
    }

    private static IResult Overview(GatewayState state)
    {
        var (expired, secondsLeft) = state.Trial;
        return TypedResults.Ok(new
        {
            uptime = state.Lifecycle.RunningSince.ToUnixTimeMilliseconds(),
            cpu = 0.05,
            license = new { state = expired ? "TrialExpired" : "Trial", trialRemaining = secondsLeft },
            gatewayName = state.GatewayName,
            java = new { version = "17.0.13+11", vendor = "Eclipse Adoptium" },
            os = new { name = "Linux", version = Environment.OSVersion.VersionString, arch = "amd64" },
            disk = new { total = 100L * 1024 * 1024 * 1024, free = 60L * 1024 * 1024 * 1024 },
        });
    }

    private static IResult Trial(GatewayState state)
    {
        var (expired, secondsLeft) = state.Trial;
        return TypedResults.Ok(new
        {
            licenseMode = "Trial",
            trialState = "AllInDemo",
            trialSecondsLeft = secondsLeft,
            expired,
            emergency = false,
            emergencySecondsLeft = 0,
            development = false,
            developmentSecondsLeft = 0,
        });
    }
}
