using System.CommandLine;
using System.Text.Json.Nodes;
using IgnitionToolkit.Cli.Remote;

namespace IgnitionToolkit.Cli.CommandLine;

/// <summary><c>schedule list|run-now</c>: the server's schedules (<c>/api/v1/schedules</c>).</summary>
public static class ScheduleCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("schedule", "The schedules of a toolkit server.");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(RunNow(context));
        return command;
    }

    private static Command List(CliContext context)
    {
        var server = new ServerOptions();
        var json = LocalCommands.JsonOption();
        var command = new Command("list", "List the server's schedules: name, enabled, timing and zone, next run, playbook, last outcome.") { json };
        server.AddTo(command);
        command.SetAction((result, ct) => RemoteAction.RunAsync(context, result, server, async api =>
        {
            var list = (await api.GetJsonAsync("api/v1/schedules/", ct)).AsArray();
            if (result.GetValue(json)) return await RemoteAction.PrintJsonAsync(context, list);
            if (list.Count == 0)
            {
                await context.Output.WriteLineAsync("no schedules");
                return ExitCodes.Success;
            }
            var rows = list.Select(s => new[]
            {
                RemoteAction.Text(s, "name"), (bool?)s?["enabled"] == true ? "enabled" : "disabled",
                $"{RemoteAction.Text(s, "cron")} {RemoteAction.Text(s, "time_zone")}", RemoteAction.Text(s, "next_run_at") is { Length: > 0 } next ? next : "-",
                RemoteAction.Text(s, "playbook") + (s?["fleet"] is JsonObject ? " (fleet)" : ""), RemoteAction.Text(s, "last_outcome"),
            });
            await RemoteAction.PrintTableAsync(context, ["NAME", "STATE", "TIMING", "NEXT RUN (UTC)", "PLAYBOOK", "LAST OUTCOME"], rows);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command RunNow(CliContext context)
    {
        var server = new ServerOptions();
        var schedule = new Argument<string>("schedule") { Description = "The schedule's name or id." };
        var follow = FollowOptions.Create();
        var command = new Command("run-now",
            "Run a schedule now, as its next occurrence would start (its parameters, credential or fleet, and its overlap policy: " +
            "a run skipped because the previous one is still going exits 2 with the reason).") { schedule };
        follow.AddTo(command);
        server.AddTo(command);
        command.SetAction((result, ct) => RemoteAction.RunAsync(context, result, server, async api =>
        {
            var id = await FindAsync(api, result.GetRequiredValue(schedule), ct);
            var answer = await api.SendJsonAsync(HttpMethod.Post, $"api/v1/schedules/{id}/run-now", null, ct);
            var options = follow.Options(context, result);
            var state = RemoteAction.Text(answer, "state");
            if (RemoteAction.Text(answer, "fleet_run_id") is { Length: > 0 } fleetRunId)
                return await new FleetFollower(context).FollowAsync(api, fleetRunId, options, ct);
            if (RemoteAction.Text(answer, "execution_id") is { Length: > 0 } executionId)
                return await new RemoteRunCommand(context).FollowAsync(api, new JsonObject { ["id"] = executionId }, options, ct);
            if (options.Style == OutputStyle.Json) return await RemoteAction.PrintJsonAsync(context, answer);
            await context.Output.WriteLineAsync($"schedule {RemoteAction.Text(answer, "schedule_name")}: {state} ({RemoteAction.Text(answer, "detail")})");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The id of the schedule named <paramref name="nameOrId"/> (an id is taken as it is; a name is looked up, any case).</summary>
    private static async Task<string> FindAsync(ApiClient api, string nameOrId, CancellationToken ct)
    {
        if (Guid.TryParse(nameOrId, out var id)) return id.ToString();
        var list = (await api.GetJsonAsync("api/v1/schedules/", ct)).AsArray();
        var found = list.Where(s => string.Equals(RemoteAction.Text(s, "name"), nameOrId, StringComparison.OrdinalIgnoreCase)).ToList();
        return found.Count == 1
            ? RemoteAction.Text(found[0], "id")
            : throw new RemoteException(ExitCodes.InvalidInput, $"no schedule named '{nameOrId}' on {api.Server} (see: schedule list)");
    }
}
