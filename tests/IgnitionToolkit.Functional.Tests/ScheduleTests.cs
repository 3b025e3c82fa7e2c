using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Functional.Tests;

/// <summary>
/// Schedules on the real API, Runner, broker and database (SQLite and PostgreSQL): a schedule every 20 seconds (a cron
/// expression with a seconds field) starts executions that complete and say which schedule started them; it keeps
/// firing after the API is killed and started again; and with two API instances on one database each due run starts
/// exactly once. The scheduler looks every second (<c>Toolkit:Schedules:TickInterval</c>); the tests wait for the runs
/// with generous bounds, never on timing.
/// </summary>
[Trait("Category", "Functional")]
public sealed class ScheduleTests
{
    private static readonly Dictionary<string, string> FastTicks = new() { ["Toolkit__Schedules__TickInterval"] = "00:00:01" };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_schedule_every_20_seconds_starts_executions_that_name_it_and_keeps_firing_after_an_api_restart(bool postgres)
    {
        await using var stack = await ToolkitStack.StartAsync(postgres: postgres, runners: 1, settings: FastTicks);
        var id = await CreateEvery20SecondsAsync(stack.Http, "every-20s");

        var first = await WaitForRunsAsync(stack.Http, id, runs => runs.Count(r => State(r) == "started") >= 1, stack);
        var run = first.Last(r => State(r) == "started");
        var executionId = Guid.Parse(run["execution_id"]!.GetValue<string>());
        var execution = (await stack.WaitForStatusAsync(executionId, "completed", 180))["execution"]!;
        Assert.Equal(id, execution["schedule_id"]!.GetValue<string>());
        Assert.Equal("every-20s", execution["schedule_name"]!.GetValue<string>());
        Assert.Equal("admin", execution["started_by"]!.GetValue<string>()); // the user who saved the schedule
        var listed = (await stack.Http.GetFromJsonAsync<JsonObject>($"api/v1/executions?schedule={id}"))!["items"]!.AsArray();
        Assert.Contains(listed, e => e!["id"]!.GetValue<string>() == executionId.ToString());
        Assert.All(listed, e => Assert.Equal(id, e!["schedule_id"]!.GetValue<string>()));
        var byName = (await stack.Http.GetFromJsonAsync<JsonObject>("api/v1/executions?schedule=EVERY-20S"))!["total_count"]!.GetValue<int>();
        Assert.Equal(listed.Count, byName);

        // The schedule lives in the database: after a crash and a restart the API keeps starting its runs.
        var lastDue = DueAt(run);
        stack.KillApi();
        await stack.RestartApiAsync();
        var after = await WaitForRunsAsync(stack.Http, id, runs => runs.Any(r => State(r) == "started" && DueAt(r) > lastDue), stack);
        var later = after.First(r => State(r) == "started" && DueAt(r) > lastDue);
        await stack.WaitForStatusAsync(Guid.Parse(later["execution_id"]!.GetValue<string>()), "completed", 180);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Two_api_instances_on_one_database_start_each_due_run_exactly_once(bool postgres)
    {
        await using var stack = await ToolkitStack.StartAsync(postgres: postgres, runners: 1, settings: FastTicks);
        var b = await stack.AddApiAsync();
        var id = await CreateEvery20SecondsAsync(stack.Http, "once-" + (postgres ? "pg" : "sqlite"));

        // both instances look every second for the same due runs, three in a row
        var runs = await WaitForRunsAsync(stack.Http, id, list => list.Count(r => State(r) == "started") >= 3, stack, timeoutSeconds: 420);
        Assert.DoesNotContain(runs, r => State(r) is "failed" or "missed");
        var started = runs.Where(r => State(r) == "started").ToList();
        Assert.Equal(started.Count, started.Select(DueAt).Distinct().Count());
        var executionIds = started.Select(r => r["execution_id"]!.GetValue<string>()).ToList();
        Assert.Equal(executionIds.Count, executionIds.Distinct().Count());

        // Disabled, the schedule starts nothing more (a firing racing the disable loses on the concurrency token), so
        // the lists below are final: no other execution of the schedule exists, and one instance started each.
        (await stack.Http.PostAsync($"api/v1/schedules/{id}/disable", null)).EnsureSuccessStatusCode();
        var executions = (await stack.Http.GetFromJsonAsync<JsonObject>($"api/v1/executions?schedule={id}&pageSize=200"))!["items"]!.AsArray()
            .Select(e => e!["id"]!.GetValue<string>()).ToHashSet();
        var final = (await ReadRunsAsync(stack.Http, id)).Where(r => State(r) == "started").Select(r => r["execution_id"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(final, executions);
        Assert.Superset(executionIds.ToHashSet(), final);
        foreach (var executionId in final)
        {
            var line = $"started execution {executionId}";
            await Wait.UntilAsync(() => stack.Api.Output.Contains(line, StringComparison.Ordinal) || b.Output.Contains(line, StringComparison.Ordinal),
                what: $"an API instance to log \"{line}\"", poll: TimeSpan.FromMilliseconds(200));
            Assert.Equal(1, new[] { stack.Api, b }.Count(api => api.Output.Contains(line, StringComparison.Ordinal)));
        }
    }

    private static async Task<string> CreateEvery20SecondsAsync(HttpClient api, string name)
    {
        using var response = await api.PostAsJsonAsync("api/v1/schedules", new
        {
            name, playbook = "utility/hello_world.yaml", parameters = new { who = "schedule" },
            timing = new { kind = "cron", cron = "*/20 * * * * *" }, time_zone = "Europe/Berlin", overlap = "parallel",
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    private static async Task<List<JsonNode>> ReadRunsAsync(HttpClient api, string id) =>
        (await api.GetFromJsonAsync<JsonObject>($"api/v1/schedules/{id}/runs?pageSize=200"))!["items"]!.AsArray().Select(r => r!).ToList();

    private static async Task<List<JsonNode>> WaitForRunsAsync(HttpClient api, string id, Func<List<JsonNode>, bool> done, ToolkitStack stack, double timeoutSeconds = 240)
    {
        List<JsonNode> last = [];
        await Wait.UntilAsync(async () => done(last = await ReadRunsAsync(api, id)), TimeSpan.FromSeconds(timeoutSeconds),
            $"the runs of schedule {id} to be as expected",
            () => $"{string.Join(", ", last.Select(r => r.ToJsonString()))}\nAPI:\n{stack.Api.Output}", TimeSpan.FromMilliseconds(500));
        return last;
    }

    private static string State(JsonNode run) => run["state"]!.GetValue<string>();

    private static DateTimeOffset DueAt(JsonNode run) =>
        DateTimeOffset.Parse(run["due_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
}
