using System.Net;
using System.Text.Json.Nodes;
using IgnitionToolkit.Api.Tests.Infrastructure;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Api.Tests.Schedules;

/// <summary>Runs a schedule missed while no instance could start them become a <c>schedule.missed</c> notification. The
/// API's clock only moves when the test moves it, so "ten minutes of downtime" takes no time and no timing window.</summary>
[Trait("Category", "Functional")]
public sealed class ScheduleMissedNotificationTests(ManualClockApiFixture api) : IClassFixture<ManualClockApiFixture>
{
    [Fact]
    public async Task Missed_runs_are_recorded_and_sent_to_webhooks_that_subscribe_to_schedule_missed()
    {
        var playbook = api.WritePlaybook("missed/hello.yaml", SamplePlaybooks.Hello());
        using var hook = await api.Client.PostJsonAsync("/api/v1/webhooks", new
        {
            name = "missed runs", url = "http://127.0.0.1:9/hooks/missed", kinds = new[] { "schedule.missed" },
        });
        var webhook = await hook.ReadJsonAsync();
        Assert.True(hook.StatusCode == HttpStatusCode.Created, webhook.ToJsonString());
        using var created = await api.Client.PostJsonAsync("/api/v1/schedules", new
        {
            name = "Every minute, missed", playbook, parameters = new { greeting = "hi" }, missed_runs = "skip",
            timing = new { kind = "cron", cron = "* * * * *" },
        });
        var schedule = await created.ReadJsonAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, schedule.ToJsonString());
        var scheduleId = schedule["id"]!.GetValue<string>();

        // Ten minutes pass without a tick (the API was down); then the scheduler looks again. The clock moves a tick per
        // look; on a busy machine it can outrun the scheduler and later runs are missed too (another, smaller delivery),
        // so the delivery of the downtime is the one that names its ten minutes.
        api.Clock.Advance(TimeSpan.FromMinutes(10));
        var seen = new List<string>();
        JsonNode? body = null;
        await Wait.UntilAsync(async () =>
        {
            api.Clock.Advance(TimeSpan.FromSeconds(15)); // one tick of the scheduler per look
            var page = await api.Client.GetJsonAsync($"/api/v1/webhooks/{webhook["id"]}/deliveries");
            var bodies = page["items"]!.AsArray().Where(d => d!["kind"]!.GetValue<string>() == "schedule.missed")
                .Select(d => JsonNode.Parse(d!["body"]!.GetValue<string>())!).ToList();
            seen = [.. bodies.Select(b => b.ToJsonString())];
            body = bodies.FirstOrDefault(b => b["data"]!["missed"]!.GetValue<int>() >= 5);
            return body is not null;
        }, TimeSpan.FromSeconds(120), "a schedule.missed delivery naming the ten minutes of downtime", () => "deliveries: " + string.Join("\n", seen));

        Assert.Equal("schedule.missed", body!["kind"]!.GetValue<string>());
        var data = body["data"]!;
        Assert.Equal(scheduleId, data["schedule_id"]!.GetValue<string>());
        Assert.Equal("Every minute, missed", data["schedule_name"]!.GetValue<string>());
        Assert.Equal("skip", data["missed_runs"]!.GetValue<string>());

        var runs = (await api.Client.GetJsonAsync($"/api/v1/schedules/{scheduleId}/runs"))["items"]!.AsArray();
        Assert.Contains(runs, r => r!["state"]!.GetValue<string>() == "missed");
        using var disabled = await api.Client.PostAsync($"/api/v1/schedules/{scheduleId}/disable", null);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
    }
}
