using System.CommandLine;
using System.Text.Json.Nodes;
using IgnitionToolkit.Cli.Remote;

namespace IgnitionToolkit.Cli.CommandLine;

/// <summary><c>executions list|show|logs|cancel|resume|run-again</c>: the server's executions (<c>/api/v1/executions</c>).</summary>
public static class ExecutionCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("executions", "The executions of a toolkit server.");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Logs(context));
        command.Subcommands.Add(Cancel(context));
        command.Subcommands.Add(Resume(context));
        command.Subcommands.Add(RunAgain(context));
        return command;
    }

    private static Argument<Guid> IdArgument() => new("id") { Description = "The execution's id." };

    private static Command List(CliContext context)
    {
        var server = new ServerOptions();
        var json = LocalCommands.JsonOption();
        var status = new Option<string?>("--status") { Description = "Only executions in this status (running, completed, failed, ...)." };
        var playbook = new Option<string?>("--playbook") { Description = "Only executions of this playbook (path or name)." };
        var limit = new Option<int>("--limit") { Description = "How many, newest first (1-200).", DefaultValueFactory = _ => 20 };
        var command = new Command("list", "List the newest executions: id, status, playbook, start time, who started it.") { json, status, playbook, limit };
        server.AddTo(command);
        command.SetAction((result, ct) => RemoteAction.RunAsync(context, result, server, async api =>
        {
            var query = $"?pageSize={result.GetValue(limit)}";
            if (result.GetValue(status) is { Length: > 0 } s) query += "&status=" + Uri.EscapeDataString(s);
            if (result.GetValue(playbook) is { Length: > 0 } p) query += "&playbook=" + Uri.EscapeDataString(p);
            var page = await api.GetJsonAsync("api/v1/executions/" + query, ct);
            if (result.GetValue(json)) return await RemoteAction.PrintJsonAsync(context, page["items"]);
            var items = page["items"]?.AsArray() ?? [];
            foreach (var e in items)
                await context.Output.WriteLineAsync(string.Join('\t', RemoteAction.Text(e, "id"), RemoteAction.Text(e, "status"),
                    RemoteAction.Text(e, "playbook_path"), RemoteAction.Text(e, "created_at"), RemoteAction.Text(e, "started_by")));
            if (items.Count == 0) await context.Output.WriteLineAsync("no executions");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show(CliContext context)
    {
        var server = new ServerOptions();
        var id = IdArgument();
        var json = LocalCommands.JsonOption();
        var command = new Command("show", "Show an execution: status, times, error, and each step with its status and duration.") { id, json };
        server.AddTo(command);
        command.SetAction((result, ct) => RemoteAction.RunAsync(context, result, server, async api =>
        {
            var detail = await api.GetJsonAsync($"api/v1/executions/{result.GetValue(id)}", ct);
            if (result.GetValue(json)) return await RemoteAction.PrintJsonAsync(context, detail);
            var e = detail["execution"];
            var output = context.Output;
            await output.WriteLineAsync($"{RemoteAction.Text(e, "id")} {RemoteAction.Text(e, "status")}: {RemoteAction.Text(e, "playbook_path")} ({RemoteAction.Text(e, "playbook_name")})");
            await output.WriteLineAsync($"  created {RemoteAction.Text(e, "created_at")}, started {RemoteAction.Text(e, "started_at")}, finished {RemoteAction.Text(e, "finished_at")}, by {RemoteAction.Text(e, "started_by")}");
            if (RemoteAction.Text(e, "error") is { Length: > 0 } error) await output.WriteLineAsync($"  error: {error}");
            foreach (var step in detail["steps"]?.AsArray() ?? [])
            {
                var indent = new string(' ', 2 + 2 * ((int?)step?["depth"] ?? 0));
                var ms = (double?)step?["duration_ms"];
                await output.WriteLineAsync($"{indent}{RemoteAction.Text(step, "step_id")} {RemoteAction.Text(step, "status")}" +
                    (ms is { } d ? $" in {d / 1000:0.00}s" : "") + (RemoteAction.Text(step, "error") is { Length: > 0 } stepError ? $": {stepError}" : ""));
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Logs(CliContext context)
    {
        var server = new ServerOptions();
        var id = IdArgument();
        var json = LocalCommands.JsonOption();
        var command = new Command("logs", "Print an execution's log lines in order (time, step, level, message).") { id, json };
        server.AddTo(command);
        command.SetAction((result, ct) => RemoteAction.RunAsync(context, result, server, async api =>
        {
            var detail = await api.GetJsonAsync($"api/v1/executions/{result.GetValue(id)}", ct);
            if (result.GetValue(json)) return await RemoteAction.PrintJsonAsync(context, detail["logs"]);
            foreach (var line in detail["logs"]?.AsArray() ?? [])
                await context.Output.WriteLineAsync(FormatLog(line));
            return ExitCodes.Success;
        }));
        return command;
    }

    public static string FormatLog(JsonNode? line)
    {
        var at = DateTimeOffset.TryParse(RemoteAction.Text(line, "timestamp"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t)
            ? t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture) : RemoteAction.Text(line, "timestamp");
        var step = RemoteAction.Text(line, "step_path");
        return $"{at} {(step.Length > 0 ? step + " " : "")}[{RemoteAction.Text(line, "level")}] {RemoteAction.Text(line, "message")}";
    }

    private static Command Cancel(CliContext context)
    {
        var server = new ServerOptions();
        var id = IdArgument();
        var command = new Command("cancel", "Ask the server to cancel a running or paused execution.") { id };
        server.AddTo(command);
        command.SetAction((result, ct) => RemoteAction.RunAsync(context, result, server, async api =>
        {
            var answer = await api.SendJsonAsync(HttpMethod.Post, $"api/v1/executions/{result.GetValue(id)}/cancel", null, ct);
            await context.Output.WriteLineAsync($"cancel sent to {result.GetValue(id)} (status {RemoteAction.Text(answer, "status")})");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Resume(CliContext context)
    {
        var server = new ServerOptions();
        var id = IdArgument();
        var step = new Option<string?>("--step") { Description = "The top-level step to resume at (default: the first step that did not complete)." };
        var follow = FollowOptions.Create();
        var command = new Command("resume",
            "Resume a failed, cancelled or interrupted execution from a step as a new execution, keeping the variables and outputs of the steps before it.") { id, step };
        follow.AddTo(command);
        server.AddTo(command);
        command.SetAction((result, ct) => RemoteAction.RunAsync(context, result, server, async api =>
        {
            var started = await api.SendJsonAsync(HttpMethod.Post, $"api/v1/executions/{result.GetValue(id)}/resume-from", new { step = result.GetValue(step) }, ct);
            return await new RemoteRunCommand(context).FollowAsync(api, started, follow.Options(context, result), ct);
        }));
        return command;
    }

    private static Command RunAgain(CliContext context)
    {
        var server = new ServerOptions();
        var id = IdArgument();
        var follow = FollowOptions.Create();
        var command = new Command("run-again",
            "Start a finished execution's playbook again with the same parameters (credentials read from the vault again).") { id };
        follow.AddTo(command);
        server.AddTo(command);
        command.SetAction((result, ct) => RemoteAction.RunAsync(context, result, server, async api =>
        {
            var started = await api.SendJsonAsync(HttpMethod.Post, $"api/v1/executions/{result.GetValue(id)}/run-again", new { }, ct);
            return await new RemoteRunCommand(context).FollowAsync(api, started, follow.Options(context, result), ct);
        }));
        return command;
    }
}
