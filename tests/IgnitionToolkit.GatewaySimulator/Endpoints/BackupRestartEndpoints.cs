using IgnitionToolkit.GatewaySimulator.State;

namespace IgnitionToolkit.GatewaySimulator.Endpoints;

/// <summary>Reference section 2: backup (.gwbk download), restore and the restart tasks.</summary>
internal static class BackupRestartEndpoints
{
    public static RouteGroupBuilder MapBackupRestartEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/backup", (GatewayState state) =>
        {
            var stamp = DateTime.UtcNow.ToString("yyyyMMdd_HHmm");
            return TypedResults.File(state.CreateBackup(), "application/octet-stream", $"{state.GatewayName}_{stamp}.gwbk");
        });
        api.MapPost("/backup", Restore);
        api.MapPost("/restart-tasks/restart", (string? confirm, GatewayState state) =>
        {
            if (!string.Equals(confirm, "true", StringComparison.OrdinalIgnoreCase))
            {
                return TypedResults.Problem("Please confirm restart through a 'confirm' query parameter.", statusCode: 400,
                    title: "Restart not confirmed");
            }
            state.Restart("requested through the REST API");
            return Results.Json(true);
        });
        api.MapGet("/restart-tasks/pending", (GatewayState state) => TypedResults.Ok(new { pending = state.PendingRestarts }));
        return api;
    }

    private static async Task<IResult> Restore(HttpRequest request, GatewayState state, string? renameEnabled, string? newName,
        CancellationToken cancellationToken)
    {
        var body = await ApiResults.ReadBodyAsync(request, cancellationToken);
        if (body.Length == 0)
        {
            return TypedResults.Problem("The request body is empty: send the .gwbk bytes.", statusCode: 400, title: "Restore failed");
        }
        var rename = string.Equals(renameEnabled, "true", StringComparison.OrdinalIgnoreCase) ? newName : null;
        var result = state.Restore(body, rename);
        return result.Succeeded
            ? TypedResults.Text("Restore operation successfully initiated", "text/plain")
            : ApiResults.Problem(result, "Restore failed");
    }
}
