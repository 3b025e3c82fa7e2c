using System.CommandLine;
using System.Text.Json.Nodes;
using IgnitionToolkit.Cli.Remote;

namespace IgnitionToolkit.Cli.CommandLine;

/// <summary><c>fleet run|list|show</c>: one playbook on many gateways of the server's inventory (<c>/api/v1/fleet-runs</c>).</summary>
public static class FleetCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("fleet", "Fleet runs of a toolkit server: one playbook on many gateways of its inventory.");
        command.Subcommands.Add(Run(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        return command;
    }

    private static Command Run(CliContext context)
    {
        var server = new ServerOptions();
        var playbook = new Argument<string>("playbook") { Description = "The playbook's path in the server's library (it declares gateway_url)." };
        var gateways = new Option<string[]>("--gateway") { Description = "A gateway of the inventory, by name (repeatable).", HelpName = "NAME" };
        var tags = new Option<string[]>("--tag") { Description = "Every gateway carrying this tag (repeatable: all tags must match).", HelpName = "KEY=VALUE" };
        var maxParallel = new Option<int?>("--max-parallel") { Description = "At most this many gateways at once (1-100; server default 5).", HelpName = "N" };
        var stopAfter = new Option<int?>("--stop-after-failures") { Description = "After this many failed gateways, skip the ones not started.", HelpName = "K" };
        var parameters = new Option<string[]>("--param") { Description = "A parameter for every gateway's execution (repeatable; gateway_url is filled per gateway).", HelpName = "KEY=VALUE" };
        var follow = FollowOptions.Create();
        var command = new Command("run",
            "Run a playbook on gateways of the server's inventory; with --wait, print each gateway as it finishes and exit 0 (all completed), 1 (one failed) or 3 (cancelled).")
        { playbook, gateways, tags, maxParallel, stopAfter, parameters };
        follow.AddTo(command);
        server.AddTo(command);
        command.SetAction((result, ct) => RemoteAction.RunAsync(context, result, server, async api =>
        {
            var selection = new JsonObject();
            if (result.GetValue(gateways) is { Length: > 0 } names) selection["gateways"] = new JsonArray([.. names.Select(n => (JsonNode)n)]);
            if (result.GetValue(tags) is { Length: > 0 } pairs)
            {
                var tagObject = new JsonObject();
                foreach (var pair in pairs)
                {
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0) throw new RemoteException(ExitCodes.InvalidInput, $"--tag {pair}: expected key=value");
                    tagObject[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
                }
                selection["tags"] = tagObject;
            }
            if (selection.Count == 0) throw new RemoteException(ExitCodes.InvalidInput, "give the gateways: --gateway NAME or --tag key=value (repeatable)");
            var body = new JsonObject
            {
                ["playbook"] = result.GetRequiredValue(playbook),
                ["parameters"] = RemoteRunCommand.Parameters(new RemoteRunOptions("", result.GetValue(parameters) ?? [], null, null, false, OutputStyle.Plain)),
                ["selection"] = selection,
                ["max_parallel"] = result.GetValue(maxParallel),
                ["stop_after_failures"] = result.GetValue(stopAfter),
            };
            var started = await api.SendJsonAsync(HttpMethod.Post, "api/v1/fleet-runs/", body, ct);
            return await new FleetFollower(context).FollowAsync(api, RemoteAction.Text(started, "id"), follow.Options(context, result), ct);
        }));
        return command;
    }

    private static Command List(CliContext context)
    {
        var server = new ServerOptions();
        var json = LocalCommands.JsonOption();
        var command = new Command("list", "List the newest fleet runs: id, status, playbook, gateways completed/failed/total, start time.") { json };
        server.AddTo(command);
        command.SetAction((result, ct) => RemoteAction.RunAsync(context, result, server, async api =>
        {
            var page = await api.GetJsonAsync("api/v1/fleet-runs/?pageSize=20", ct);
            var items = page["items"]?.AsArray() ?? [];
            if (result.GetValue(json)) return await RemoteAction.PrintJsonAsync(context, items);
            if (items.Count == 0)
            {
                await context.Output.WriteLineAsync("no fleet runs");
                return ExitCodes.Success;
            }
            await RemoteAction.PrintTableAsync(context, ["ID", "STATUS", "PLAYBOOK", "COMPLETED/FAILED/TOTAL", "CREATED", "BY"], items.Select(r => new[]
            {
                RemoteAction.Text(r, "id"), RemoteAction.Text(r, "status"), RemoteAction.Text(r, "playbook_path"),
                $"{RemoteAction.Text(r?["counts"], "completed")}/{RemoteAction.Text(r?["counts"], "failed")}/{RemoteAction.Text(r?["counts"], "total")}",
                RemoteAction.Text(r, "created_at"), RemoteAction.Text(r, "started_by"),
            }));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show(CliContext context)
    {
        var server = new ServerOptions();
        var id = new Argument<Guid>("id") { Description = "The fleet run's id." };
        var json = LocalCommands.JsonOption();
        var command = new Command("show", "Show a fleet run: status, and each gateway with its status, execution and failure.") { id, json };
        server.AddTo(command);
        command.SetAction((result, ct) => RemoteAction.RunAsync(context, result, server, async api =>
        {
            var run = await api.GetJsonAsync($"api/v1/fleet-runs/{result.GetValue(id)}", ct);
            if (result.GetValue(json)) return await RemoteAction.PrintJsonAsync(context, run);
            await context.Output.WriteLineAsync($"{RemoteAction.Text(run, "id")} {RemoteAction.Text(run, "status")}: {RemoteAction.Text(run, "playbook_path")}" +
                (RemoteAction.Text(run, "stop_reason") is { Length: > 0 } why ? $" ({why})" : ""));
            await RemoteAction.PrintTableAsync(context, ["GATEWAY", "STATUS", "EXECUTION", "FAILED STEP", "ERROR"], (run["gateways"]?.AsArray() ?? []).Select(g => new[]
            {
                RemoteAction.Text(g, "gateway"), RemoteAction.Text(g, "status"), RemoteAction.Text(g, "execution_id"),
                RemoteAction.Text(g, "failed_step"), RemoteAction.Text(g, "error"),
            }));
            return ExitCodes.Success;
        }));
        return command;
    }
}
