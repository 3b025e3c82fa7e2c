using System.Net;
using System.Text.Json.Nodes;
using IgnitionToolkit.Api.Tests.Auth;
using IgnitionToolkit.Api.Tests.Credentials;
using IgnitionToolkit.Api.Tests.Infrastructure;

namespace IgnitionToolkit.Api.Tests.Schedules;

/// <summary><c>/api/v1/schedules</c> as a client sees it: create, read, replace, enable, disable, delete, the next run
/// times in the schedule's zone, problems that name the wrong field, roles, and the audit trail.</summary>
[Trait("Category", "Functional")]
public sealed class ScheduleApiTests(VaultApiFixture api) : IClassFixture<VaultApiFixture>
{
    private static object Daily(string name, string playbook, string at = "02:30", string zone = "America/New_York") => new
    {
        name, playbook, parameters = new { greeting = "hi" }, time_zone = zone, overlap = "queue", missed_runs = "run_once",
        timing = new { kind = "daily", at },
    };

    [Fact]
    public async Task A_schedule_is_created_read_changed_disabled_enabled_and_deleted_and_each_change_is_audited()
    {
        var playbook = api.WritePlaybook("sched/hello.yaml", SamplePlaybooks.Hello());
        using var op = await api.CreateUserClientAsync("operator", "schedop");

        using var created = await op.PostJsonAsync("/api/v1/schedules", Daily("Nightly hello", playbook));
        var body = await created.ReadJsonAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        var id = body["id"]!.GetValue<string>();
        Assert.EndsWith($"/api/v1/schedules/{id}", created.Headers.Location!.ToString());
        Assert.Equal("30 2 * * *", body["cron"]!.GetValue<string>());
        Assert.Equal("daily", body["timing"]!["kind"]!.GetValue<string>());
        Assert.Equal("queue", body["overlap"]!.GetValue<string>());
        Assert.Equal("run_once", body["missed_runs"]!.GetValue<string>());
        Assert.True(body["enabled"]!.GetValue<bool>());
        Assert.Equal("hi", body["parameters"]!["greeting"]!.GetValue<string>());
        var nextRun = DateTimeOffset.Parse(body["next_run_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(nextRun > DateTimeOffset.UtcNow);

        // the next run times, in UTC and in the schedule's zone: always 02:30 there, or 03:00 on the day 02:30 is skipped
        var next = (await op.GetJsonAsync($"/api/v1/schedules/{id}/next?count=3")).AsArray();
        Assert.Equal(3, next.Count);
        foreach (var run in next)
        {
            var local = DateTimeOffset.Parse(run!["local"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            var utc = DateTimeOffset.Parse(run["utc"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(utc, local);
            Assert.Contains(local.TimeOfDay, new[] { new TimeSpan(2, 30, 0), new TimeSpan(3, 0, 0) });
            Assert.Equal("America/New_York", run["time_zone"]!.GetValue<string>());
        }
        Assert.Equal(nextRun, DateTimeOffset.Parse(next[0]!["utc"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));

        using (var changed = await op.PutJsonAsync($"/api/v1/schedules/{id}", new
        { name = "Nightly hello", playbook, parameters = new { greeting = "hello" }, timing = new { kind = "cron", cron = "0 4 * * MON-FRI" }, time_zone = "Europe/Berlin" }))
        {
            var after = await changed.ReadJsonAsync();
            Assert.True(changed.StatusCode == HttpStatusCode.OK, after.ToJsonString());
            Assert.Equal("0 4 * * MON-FRI", after["cron"]!.GetValue<string>());
            Assert.Equal("skip", after["overlap"]!.GetValue<string>()); // PUT replaces: defaults again
            Assert.Equal("schedop", after["updated_by"]!.GetValue<string>());
        }
        using (var disabled = await op.PostAsync($"/api/v1/schedules/{id}/disable", null))
        {
            var after = await disabled.ReadJsonAsync();
            Assert.False(after["enabled"]!.GetValue<bool>());
            Assert.Null(after["next_run_at"]);
        }
        using (var enabled = await op.PostAsync($"/api/v1/schedules/{id}/enable", null))
            Assert.NotNull((await enabled.ReadJsonAsync())["next_run_at"]);

        Assert.Contains((await op.GetJsonAsync("/api/v1/schedules")).AsArray(), s => s!["id"]!.GetValue<string>() == id);
        Assert.Equal(0, (await op.GetJsonAsync($"/api/v1/schedules/{id}/runs"))["total_count"]!.GetValue<int>());
        Assert.Equal(0, (await op.GetJsonAsync($"/api/v1/executions?schedule={id}"))["total_count"]!.GetValue<int>());

        using (var deleted = await op.DeleteAsync($"/api/v1/schedules/{id}")) Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using (var gone = await op.GetAsync($"/api/v1/schedules/{id}")) Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        var audit = (await api.Client.GetJsonAsync("/api/v1/audit?user=schedop&targetType=schedule&pageSize=50"))["items"]!.AsArray();
        Assert.Equal(["schedule.deleted", "schedule.enabled", "schedule.disabled", "schedule.changed", "schedule.created"],
            audit.Select(a => a!["action"]!.GetValue<string>()));
        Assert.All(audit, a => Assert.Equal(id, a!["target_id"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("cron", "timing.cron")]
    [InlineData("zone", "time_zone")]
    [InlineData("playbook", "playbook")]
    [InlineData("overlap", "overlap")]
    [InlineData("missed", "missed_runs")]
    [InlineData("secret", "parameters.api_password")]
    [InlineData("name", "name")]
    [InlineData("every", "timing.every")]
    [InlineData("seconds", "timing.cron")]
    public async Task Bad_input_is_a_problem_naming_the_field(string what, string field)
    {
        var playbook = api.WritePlaybook("sched/bad.yaml", SamplePlaybooks.Hello());
        var name = "bad-" + Guid.NewGuid().ToString("N")[..8];
        object body = what switch
        {
            "cron" => new { name, playbook, parameters = new { greeting = "x" }, timing = new { kind = "cron", cron = "every night" } },
            "zone" => new { name, playbook, parameters = new { greeting = "x" }, timing = new { kind = "daily", at = "01:00" }, time_zone = "Mars/Base" },
            "playbook" => new { name, playbook = "sched/missing.yaml", timing = new { kind = "daily", at = "01:00" } },
            "overlap" => new { name, playbook, parameters = new { greeting = "x" }, timing = new { kind = "daily", at = "01:00" }, overlap = "sometimes" },
            "missed" => new { name, playbook, parameters = new { greeting = "x" }, timing = new { kind = "daily", at = "01:00" }, missed_runs = "all" },
            "secret" => new { name, playbook, parameters = new { greeting = "x", api_password = "hunter2" }, timing = new { kind = "daily", at = "01:00" } },
            "name" => new { name = "", playbook, parameters = new { greeting = "x" }, timing = new { kind = "daily", at = "01:00" } },
            // every 5 s: closer than twice the scheduler's look (15 s by default), so runs would be missed
            "seconds" => new { name, playbook, parameters = new { greeting = "x" }, timing = new { kind = "cron", cron = "*/5 * * * * *" } },
            _ => new { name, playbook, parameters = new { greeting = "x" }, timing = new { kind = "minutes", every = 7 } },
        };
        using var response = await api.Client.PostJsonAsync("/api/v1/schedules", body);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem["field"]!.GetValue<string>());
        Assert.DoesNotContain("hunter2", problem.ToJsonString());
    }

    [Fact]
    public async Task Parameters_are_checked_against_the_playbook_as_a_start_would_be()
    {
        var playbook = api.WritePlaybook("sched/params.yaml", SamplePlaybooks.Hello());
        using var missing = await api.Client.PostJsonAsync("/api/v1/schedules", new { name = "params", playbook, timing = new { kind = "daily", at = "01:00" } });
        var problem = await missing.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains(problem["diagnostics"]!.AsArray(), d => d!["field"]!.GetValue<string>() == "parameters.greeting");

        using var credential = await api.Client.PostJsonAsync("/api/v1/schedules", new
        { name = "cred", playbook, parameters = new { greeting = "x" }, credential_name = "no-such-credential", timing = new { kind = "daily", at = "01:00" } });
        Assert.Equal(HttpStatusCode.BadRequest, credential.StatusCode);
        Assert.Contains((await credential.ReadJsonAsync())["diagnostics"]!.AsArray(), d => d!["field"]!.GetValue<string>() == "credential_name");
    }

    [Fact]
    public async Task Viewers_read_schedules_and_cannot_change_them_and_names_are_unique()
    {
        var playbook = api.WritePlaybook("sched/roles.yaml", SamplePlaybooks.Hello());
        using var created = await api.Client.PostJsonAsync("/api/v1/schedules", Daily("Roles", playbook));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync())["id"]!.GetValue<string>();
        using (var again = await api.Client.PostJsonAsync("/api/v1/schedules", Daily("Roles", playbook)))
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        using var viewer = await api.CreateUserClientAsync("viewer");
        Assert.Equal("Roles", (await viewer.GetJsonAsync($"/api/v1/schedules/{id}"))["name"]!.GetValue<string>());
        using (var next = await viewer.GetAsync($"/api/v1/schedules/{id}/next?count=0")) Assert.Equal(HttpStatusCode.BadRequest, next.StatusCode);
        using (var create = await viewer.PostJsonAsync("/api/v1/schedules", Daily("Viewer's", playbook))) Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        using (var disable = await viewer.PostAsync($"/api/v1/schedules/{id}/disable", null)) Assert.Equal(HttpStatusCode.Forbidden, disable.StatusCode);
        using (var delete = await viewer.DeleteAsync($"/api/v1/schedules/{id}")) Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        using (var missing = await viewer.GetAsync($"/api/v1/schedules/{Guid.NewGuid()}/runs")) Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
    [Fact]
    public async Task Run_now_starts_the_schedule_as_a_due_run_would_and_a_second_one_is_skipped_while_the_first_is_going()
    {
        var playbook = api.WritePlaybook("sched/runnow.yaml", SamplePlaybooks.Hello());
        using var created = await api.Client.PostJsonAsync("/api/v1/schedules", new
        { name = "Run now", playbook, parameters = new { greeting = "now" }, timing = new { kind = "daily", at = "03:00" }, overlap = "skip" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync())["id"]!.GetValue<string>();
        using var op = await api.CreateUserClientAsync("operator", "runnowop");

        using var first = await op.PostAsync($"/api/v1/schedules/{id}/run-now", null);
        var started = await first.ReadJsonAsync();
        Assert.True(first.StatusCode == HttpStatusCode.Accepted, started.ToJsonString());
        Assert.Equal("started", started["state"]!.GetValue<string>());
        var executionId = started["execution_id"]!.GetValue<string>();
        Assert.EndsWith($"/api/v1/executions/{executionId}", first.Headers.Location!.ToString());
        var execution = (await op.GetJsonAsync($"/api/v1/executions/{executionId}"))["execution"]!;
        Assert.Equal(id, execution["schedule_id"]!.GetValue<string>());
        Assert.Equal("Run now", execution["schedule_name"]!.GetValue<string>());
        Assert.Equal("runnowop", execution["started_by"]!.GetValue<string>());

        // the first run is still going (nothing runs it here): overlap "skip" refuses the second, saying why
        using var second = await op.PostAsync($"/api/v1/schedules/{id}/run-now", null);
        var problem = await second.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("still going", problem["detail"]!.GetValue<string>());
        Assert.Contains(executionId, problem["detail"]!.GetValue<string>());

        var runs = (await op.GetJsonAsync($"/api/v1/schedules/{id}/runs"))["items"]!.AsArray();
        Assert.Contains(runs, r => r!["state"]!.GetValue<string>() == "started" && r["execution_id"]!.GetValue<string>() == executionId);
        Assert.Contains(runs, r => r!["state"]!.GetValue<string>() == "skipped" && r["detail"]!.GetValue<string>().StartsWith("run now by runnowop", StringComparison.Ordinal));
        var schedule = await op.GetJsonAsync($"/api/v1/schedules/{id}");
        Assert.NotNull(schedule["next_run_at"]); // the next occurrence stays where it was

        using (var viewer = await api.CreateUserClientAsync("viewer"))
        using (var refused = await viewer.PostAsync($"/api/v1/schedules/{id}/run-now", null))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using (var missing = await op.PostAsync($"/api/v1/schedules/{Guid.NewGuid()}/run-now", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        }
        var audit = (await api.Client.GetJsonAsync("/api/v1/audit?user=runnowop&targetType=schedule&pageSize=50"))["items"]!.AsArray();
        var entry = Assert.Single(audit, a => a!["action"]!.GetValue<string>() == "schedule.run_now");
        Assert.Equal(id, entry!["target_id"]!.GetValue<string>());
        Assert.Contains(executionId, entry["detail"]!.GetValue<string>());
    }
    [Fact]
    public async Task Run_now_under_overlap_queue_waits_behind_the_run_still_going()
    {
        var playbook = api.WritePlaybook("sched/runnow-queue.yaml", SamplePlaybooks.Hello());
        using var created = await api.Client.PostJsonAsync("/api/v1/schedules", new
        { name = "Run now queued", playbook, parameters = new { greeting = "q" }, timing = new { kind = "daily", at = "04:00" }, overlap = "queue" });
        var id = (await created.ReadJsonAsync())["id"]!.GetValue<string>();

        using (var first = await api.Client.PostAsync($"/api/v1/schedules/{id}/run-now", null))
            Assert.Equal("started", (await first.ReadJsonAsync())["state"]!.GetValue<string>());
        using var second = await api.Client.PostAsync($"/api/v1/schedules/{id}/run-now", null);
        var queued = await second.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal("queued", queued["state"]!.GetValue<string>());
        Assert.Null(queued["execution_id"]);
        var runs = (await api.Client.GetJsonAsync($"/api/v1/schedules/{id}/runs"))["items"]!.AsArray();
        Assert.Contains(runs, r => r!["state"]!.GetValue<string>() == "queued");
    }
}
