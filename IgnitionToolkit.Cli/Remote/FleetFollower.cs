using System.Globalization;
using System.Text.Json.Nodes;
using IgnitionToolkit.Cli.CommandLine;

namespace IgnitionToolkit.Cli.Remote;

/// <summary>Follows a fleet run (<c>fleet run --wait</c>, <c>schedule run-now --wait</c> of a fleet schedule) by polling
/// <c>GET /api/v1/fleet-runs/{id}</c> every <see cref="PollInterval"/> (the API rate-limits per client), printing a line
/// per gateway as it finishes, and exits 0 when every gateway completed, 1 when one failed (or the run stopped after
/// failures), 3 when the run or a gateway's execution was cancelled or interrupted. Ctrl+C cancels the run on the server
/// and keeps following it to its end. <c>--junit</c>: the server's fleet report, one suite per gateway.</summary>
public sealed class FleetFollower(CliContext context)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public async Task<int> FollowAsync(ApiClient api, string id, RemoteRunOptions options, CancellationToken ct)
    {
        if (!options.Wait)
        {
            var started = await api.GetJsonAsync($"api/v1/fleet-runs/{id}", ct);
            if (options.Style == OutputStyle.Json) return await RemoteAction.PrintJsonAsync(context, started);
            await context.Output.WriteLineAsync(
                $"fleet run {id} started on {api.Server} ({Count(started, "total")} gateway(s); follow it with: fleet show {id})");
            return ExitCodes.Success;
        }
        if (options.Style != OutputStyle.Json)
            await context.Output.WriteLineAsync($"Fleet run {id} started on {api.Server}");
        var told = new HashSet<string>(StringComparer.Ordinal);
        var cancelSent = false;
        var cancelTold = false;
        var unanswered = 0;
        JsonNode run;
        while (true)
        {
            if (ct.IsCancellationRequested && !cancelSent)
            {
                if (!cancelTold) await context.Error.WriteLineAsync("cancelling...");
                cancelTold = true;
                try
                {
                    await api.SendJsonAsync(HttpMethod.Post, $"api/v1/fleet-runs/{id}/cancel", null, CancellationToken.None);
                    cancelSent = true;
                }
                catch (RemoteException ex) when (ex.ExitCode == ExitCodes.InvalidInput)
                {
                    // 409: finished already (the loop ends on its status), or changed meanwhile: sent again on the next pass
                }
            }
            try
            {
                run = await api.GetJsonAsync($"api/v1/fleet-runs/{id}", CancellationToken.None);
                unanswered = 0;
            }
            catch (RemoteException ex) when (ex.Transient && ++unanswered < RemoteRunCommand.MaxUnansweredPolls)
            {
                await PauseAsync(PollInterval * unanswered, cancelTold ? CancellationToken.None : ct);
                continue;
            }
            foreach (var gateway in run["gateways"]?.AsArray() ?? [])
            {
                var status = RemoteAction.Text(gateway, "status");
                if (!IsFinal(status) || !told.Add(RemoteAction.Text(gateway, "gateway"))) continue;
                if (options.Style == OutputStyle.Json) await RemoteAction.PrintJsonAsync(context, gateway);
                else await context.Output.WriteLineAsync(Line(gateway, status));
            }
            if (RemoteAction.Text(run, "status") != "running") break;
            await PauseAsync(PollInterval, cancelTold ? CancellationToken.None : ct); // once cancelling, keep the pace
        }

        var final = RemoteAction.Text(run, "status");
        if (options.Style == OutputStyle.Json) await RemoteAction.PrintJsonAsync(context, run);
        else
            await context.Output.WriteLineAsync($"Fleet run {final}: {Count(run, "completed")} completed, {Count(run, "failed")} failed, " +
                $"{Count(run, "skipped")} skipped of {Count(run, "total")}" + (RemoteAction.Text(run, "stop_reason") is { Length: > 0 } why ? $" ({why})" : ""));
        await DownloadAsync(api, id, options);
        var rows = (run["gateways"]?.AsArray() ?? []).Select(g => RemoteAction.Text(g, "status")).ToList();
        if (final == "cancelled") return ExitCodes.Cancelled;
        if (final is "failed" or "stopped" || rows.Any(s => s is "failed")) return ExitCodes.Failed;
        if (rows.Any(s => s is "cancelled" or "interrupted")) return ExitCodes.Cancelled;
        return final == "completed" ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static bool IsFinal(string status) => status is "completed" or "failed" or "cancelled" or "interrupted" or "skipped";

    private static string Line(JsonNode? gateway, string status)
    {
        var ms = (double?)gateway?["duration_ms"];
        var line = $"{DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)} {RemoteAction.Text(gateway, "gateway")} {status}";
        if (ms is { } d) line += string.Create(CultureInfo.InvariantCulture, $" in {d / 1000:0.00}s");
        if (RemoteAction.Text(gateway, "failed_step") is { Length: > 0 } step) line += $" at step {step}";
        if (RemoteAction.Text(gateway, "error") is { Length: > 0 } error) line += $": {error}";
        if (RemoteAction.Text(gateway, "execution_id") is { Length: > 0 } execution) line += $" (execution {execution})";
        return line;
    }

    private static string Count(JsonNode? run, string name) => RemoteAction.Text(run?["counts"], name);

    private static async Task PauseAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: the loop sends the cancel and keeps following the run until it ends
        }
    }

    private async Task DownloadAsync(ApiClient api, string id, RemoteRunOptions options)
    {
        if (options.Report is not null) await context.Error.WriteLineAsync("note: --report (HTML) is per execution; for a fleet run use --junit or 'executions' per gateway");
        if (options.JUnit is not { } file) return;
        try
        {
            var bytes = await api.GetBytesAsync($"api/v1/fleet-runs/{id}/report?format=junit", CancellationToken.None);
            if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder) Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(file, bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or RemoteException)
        {
            await context.Error.WriteLineAsync($"error: the junit report could not be written: {ex.Message}");
        }
    }
}
