using System.Text.Json;
using System.Text.Json.Nodes;
using IgnitionToolkit.Cli.CommandLine;
using IgnitionToolkit.Cli.Local;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Cli.Remote;

/// <summary>What <c>run</c> on a server was asked.</summary>
public sealed record RemoteRunOptions(
    string Playbook, IReadOnlyList<string> Params, string? ParamFile, string? Credential, bool Wait, OutputStyle Style,
    string? JUnit = null, string? Report = null);

/// <summary><c>run --server URL PLAYBOOK --wait</c>: starts the playbook of the server's library through
/// <c>POST /api/v1/executions</c>, follows it by polling <c>GET /api/v1/executions/{id}</c> (every
/// <see cref="PollInterval"/>; plain HTTP, so it works through any proxy and a lost answer is simply asked again), prints
/// its progress as a local run does, downloads <c>--junit</c>/<c>--report</c> from <c>/report</c> (the server's writers),
/// and exits with the run's result. Ctrl+C asks the server to cancel and waits for the run to end (a second Ctrl+C quits).</summary>
public sealed class RemoteRunCommand(CliContext context)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>How many unanswered polls in a row (server restarting, network gone) before giving up with exit code 4.</summary>
    public const int MaxUnansweredPolls = 10;

    public async Task<int> ExecuteAsync(ApiClient api, RemoteRunOptions options, CancellationToken ct)
    {
        var parameters = Parameters(options);
        var started = await api.SendJsonAsync(HttpMethod.Post, "api/v1/executions/",
            new { playbook = options.Playbook, parameters, credential_name = options.Credential }, ct);
        return await FollowAsync(api, started, options, ct);
    }

    /// <summary>After a start (<c>run</c>, <c>executions resume</c>, <c>executions run-again</c>): prints the new execution
    /// and, with <c>--wait</c>, follows it to its end and returns the run's exit code.</summary>
    public async Task<int> FollowAsync(ApiClient api, JsonNode? started, RemoteRunOptions options, CancellationToken ct)
    {
        var id = RemoteAction.Text(started, "id");
        if (!options.Wait)
        {
            if (options.Style == OutputStyle.Json) return await RemoteAction.PrintJsonAsync(context, started);
            await context.Output.WriteLineAsync($"execution {id} started on {api.Server} (follow it with: executions show {id})");
            return ExitCodes.Success;
        }

        if (options.Style != OutputStyle.Json) await context.Output.WriteLineAsync($"Execution {id} started on {api.Server}");
        var live = context.LiveView(options.Style);
        var observer = new ConsoleProgressObserver(context.Output, options.Style, live);
        var progress = new RemoteProgress();
        var cancelSent = false;
        var unanswered = 0;
        while (progress.Final is null)
        {
            if (ct.IsCancellationRequested && !cancelSent)
            {
                cancelSent = true;
                await SendCancelAsync(api, id);
            }
            JsonNode detail;
            try
            {
                detail = await api.GetJsonAsync($"api/v1/executions/{id}", CancellationToken.None);
                unanswered = 0;
            }
            catch (RemoteException ex) when (ex.Transient && ++unanswered < MaxUnansweredPolls)
            {
                await PauseAsync(PollInterval * unanswered, cancelSent ? CancellationToken.None : ct);
                continue;
            }
            foreach (var e in progress.NewEvents(detail)) await observer.OnEventAsync(e, CancellationToken.None);
            if (progress.Final is null) await PauseAsync(PollInterval, cancelSent ? CancellationToken.None : ct); // once the cancel is sent, keep the pace
        }

        if (live is not null) await live.DisposeAsync();
        var status = progress.Final.Value;
        if (options.Style != OutputStyle.Json) await RunCommand.PrintSummaryAsync(observer, status);
        await DownloadReportsAsync(api, id, options);
        return status switch
        {
            ExecutionStatus.Completed => ExitCodes.Success,
            ExecutionStatus.Cancelled or ExecutionStatus.Interrupted => ExitCodes.Cancelled,
            _ => ExitCodes.Failed,
        };
    }

    /// <summary>Waits, but wakes at Ctrl+C so the cancel is sent at once.</summary>
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

    private async Task SendCancelAsync(ApiClient api, string id)
    {
        await context.Error.WriteLineAsync("cancelling...");
        try
        {
            await api.SendJsonAsync(HttpMethod.Post, $"api/v1/executions/{id}/cancel", null, CancellationToken.None);
        }
        catch (RemoteException ex) when (ex.ExitCode == ExitCodes.InvalidInput)
        {
            // already finished
        }
    }

    private async Task DownloadReportsAsync(ApiClient api, string id, RemoteRunOptions options)
    {
        foreach (var (file, format) in new[] { (options.JUnit, "junit"), (options.Report, "html") })
        {
            if (file is null) continue;
            try
            {
                var bytes = await api.GetBytesAsync($"api/v1/executions/{id}/report?format={format}", CancellationToken.None);
                if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder) Directory.CreateDirectory(folder);
                await File.WriteAllBytesAsync(file, bytes);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or RemoteException)
            {
                await context.Error.WriteLineAsync($"error: the {format} report could not be written: {ex.Message}");
            }
        }
    }

    /// <summary><c>--param-file</c> (a JSON object) then <c>--param key=value</c> (wins; sent as text, typed by the server
    /// with the playbook's declaration as a local run does).</summary>
    public static JsonObject Parameters(RemoteRunOptions options)
    {
        var parameters = new JsonObject();
        if (options.ParamFile is { } file)
        {
            try
            {
                if (JsonNode.Parse(File.ReadAllText(file)) is not JsonObject given)
                    throw new RemoteException(ExitCodes.InvalidInput, $"{file}: error: expected one JSON object");
                foreach (var (name, value) in given) parameters[name] = value?.DeepClone();
            }
            catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
            {
                throw new RemoteException(ExitCodes.InvalidInput, $"{file}: error: {ex.Message}");
            }
        }
        foreach (var pair in options.Params)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) throw new RemoteException(ExitCodes.InvalidInput, $"--param {pair}: expected key=value");
            parameters[pair[..equals].Trim()] = pair[(equals + 1)..];
        }
        return parameters;
    }
}
