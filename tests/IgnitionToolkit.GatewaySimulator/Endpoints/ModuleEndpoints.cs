using IgnitionToolkit.GatewaySimulator.State;

namespace IgnitionToolkit.GatewaySimulator.Endpoints;

/// <summary>Reference section 2: module lists and the upload → certificate → EULA → install flow.</summary>
internal static class ModuleEndpoints
{
    public static RouteGroupBuilder MapModuleEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/modules/healthy", (GatewayState state, string? search, int? limit, int? offset) =>
        {
            var loading = state.Lifecycle.ModulesLoadingSeenByClient();
            return ApiResults.Page(state.Modules, m => $"{m.Id} {m.Name}", search, limit, offset, m => new
            {
                id = m.Id,
                name = m.Name,
                version = m.Version,
                state = loading ? "LOADING" : "RUNNING",
                onStartup = "none",
                shouldUpgrade = false,
                selfSigned = m.Id.StartsWith("com.simulator.", StringComparison.Ordinal),
                licenseState = "Trial",
                startupTime = state.Lifecycle.RunningSince.ToString("O"),
            });
        });
        api.MapGet("/modules/quarantined", (GatewayState state, string? search, int? limit, int? offset) =>
            ApiResults.Page(state.UploadedModules, m => $"{m.Id} {m.Name}", search, limit, offset, m => new
            {
                id = m.Id,
                name = m.Name,
                version = m.Version,
                certAccepted = m.CertAccepted,
                licenseAccepted = m.LicenseAccepted,
                reason = m.Installed ? "Installation pending a gateway restart" : "Module uploaded, not installed",
            }));
        api.MapPost("/modules/upload", Upload);
        api.MapPost("/modules/certificate", (string? moduleId, GatewayState state) =>
            Answer(state.AcceptCertificate(moduleId ?? ""), "Module certificate accepted."));
        api.MapPost("/modules/eula", (string? moduleId, GatewayState state) =>
            Answer(state.AcceptEula(moduleId ?? ""), "EULA accepted successfully"));
        api.MapPost("/modules/install", (string? moduleId, GatewayState state) =>
        {
            var result = state.InstallModule(moduleId ?? "");
            return result.Succeeded
                ? TypedResults.Ok(new { filename = $"{moduleId}.modl", onStartup = "install", certFingerprint = "", licenseAgreementHash = 0 })
                : ApiResults.Problem(result, "Module install failed");
        });
        return api;
    }

    private static async Task<IResult> Upload(string? fileName, HttpRequest request, GatewayState state, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return TypedResults.Problem("Missing parameter: fileName", statusCode: 400, title: "Module upload failed");
        }
        var body = await ApiResults.ReadBodyAsync(request, cancellationToken);
        var result = state.UploadModule(fileName, body, out var moduleId);
        return result.Succeeded ? TypedResults.Ok(new { moduleId }) : ApiResults.Problem(result, "Module upload failed");
    }

    private static IResult Answer(OperationResult result, string message) => result.Succeeded
        ? TypedResults.Ok(new { success = true, message })
        : Results.Json(new { success = false, message = result.Error }, statusCode: result.StatusCode);
}
