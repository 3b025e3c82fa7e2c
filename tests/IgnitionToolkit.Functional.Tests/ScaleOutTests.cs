using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IgnitionToolkit.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace IgnitionToolkit.Functional.Tests;

/// <summary>
/// Two API instances and two Runners against one PostgreSQL database and one RabbitMQ prefix, as several machines run
/// them (docs/deployment.md): live events fan out to every instance, login throttling, token revocation and Runner
/// presence are shared, and the heartbeat monitor acts once.
/// </summary>
[Trait("Category", "Functional")]
public sealed class ScaleOutTests
{
    private const string LongWait = """
        name: Long wait
        version: "1.0"
        steps:
          - id: nap
            name: Nap
            type: utility.wait
            parameters:
              seconds: 600
        """;

    [Fact]
    public async Task Two_api_instances_share_live_events_logins_revocation_presence_and_run_the_heartbeat_monitor_once()
    {
        await using var stack = await ToolkitStack.StartAsync(postgres: true, runners: 0, heartbeatTimeoutSeconds: 5, settings: new Dictionary<string, string>
        {
            ["Toolkit__Auth__LoginAttemptsPerUser"] = "3",
            ["Toolkit__Auth__LoginWindow"] = "3650.00:00:00", // failures are counted in fixed windows: none of them ends during the test
            ["Toolkit__Auth__UserCacheDuration"] = "00:10:00", // longer than this test: only the fan-out can end a token early
        });
        var a = stack.Api;
        var b = await stack.AddApiAsync();
        using var adminB = await stack.CreateClientAsync(ToolkitStack.AdminUser, ToolkitStack.AdminPassword, b);

        // The instances found each other through the broker (their `api-instances` health component says so).
        foreach (var api in new[] { a, b })
        {
            using var anonymous = new HttpClient { BaseAddress = api.BaseAddress };
            await WaitAsync(async () => JsonNode.Parse(await anonymous.GetStringAsync("health"))!["components"]!["api-instances"]!["description"]!.GetValue<string>(),
                d => d.Contains("and 1 other(s)", StringComparison.Ordinal), "each API instance to hear from the other");
        }

        // Live: a client of each instance watches an execution started through B, before any Runner picks it up; either
        // instance applies its events, and each instance's clients see all of them (B joined after A: presence works both ways).
        var id = await StartAsync(adminB, "utility/hello_world.yaml");
        await using var hubA = await ConnectAsync(stack, a);
        await using var hubB = await ConnectAsync(stack, b);
        var watchers = new[] { (Name: "A", Live: Watch(hubA)), (Name: "B", Live: Watch(hubB)) };
        await hubA.InvokeAsync("SubscribeExecution", id);
        await hubB.InvokeAsync("SubscribeExecution", id);
        Assert.Equal(0, (await stack.GetExecutionAsync(id))["execution"]!["last_sequence"]!.GetValue<long>());
        await stack.AddRunnerAsync();
        await stack.AddRunnerAsync();
        foreach (var (name, live) in watchers)
        {
            Assert.Equal("completed", await live.Finished.Task.WaitAsync(TimeSpan.FromSeconds(120)));
            var last = (await stack.GetExecutionAsync(id))["execution"]!["last_sequence"]!.GetValue<long>();
            // every event reached the instance live, none missing (a batch applied by one instance may overtake one
            // applied by the other: clients order by sequence)
            var sequences = await WaitAsync(() => { lock (live.Sequences) return Task.FromResult(live.Sequences.Distinct().Order().ToList()); },
                seen => seen.Count >= last, $"all {last} event sequences to reach instance {name} live");
            Assert.Equal(Enumerable.Range(1, (int)last).Select(i => (long)i), sequences);
        }

        // Presence: both instances list the same two live Runners, whichever instance heard which heartbeat.
        foreach (var api in new[] { stack.Http, adminB })
        {
            var runners = await WaitAsync(async () => (await api.GetFromJsonAsync<JsonArray>("api/v1/runners"))!,
                list => list.Count(r => r!["live"]!.GetValue<bool>()) == 2, "two live Runners listed");
            Assert.Equal(2, runners.Count);
        }

        // Login throttling: three failures through A spend the budget; B refuses the fourth attempt.
        using var anonymousA = new HttpClient { BaseAddress = a.BaseAddress };
        using var anonymousB = new HttpClient { BaseAddress = b.BaseAddress };
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(anonymousA, "operator1", "wrong-password")).StatusCode);
        using (var refused = await LoginAsync(anonymousB, "operator1", "wrong-password"))
        {
            Assert.Equal((HttpStatusCode)429, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
        }

        // Revocation: a token checked (and cached) on B stops working on B once A resets the user's password.
        (await stack.Http.PostAsJsonAsync("api/v1/users", new { username = "viewer1", password = "viewer-password-1", role = "viewer" })).EnsureSuccessStatusCode();
        using var viewerOnB = await stack.CreateClientAsync("viewer1", "viewer-password-1", b);
        Assert.Equal(HttpStatusCode.OK, (await viewerOnB.GetAsync("api/v1/executions")).StatusCode);
        (await stack.Http.PutAsJsonAsync("api/v1/users/viewer1", new { password = "viewer-password-2" })).EnsureSuccessStatusCode();
        await WaitAsync(async () => (await viewerOnB.GetAsync("api/v1/executions")).StatusCode, s => s == HttpStatusCode.Unauthorized, "instance B to refuse the deleted viewer");

        // Single-instance job: both Runners crash mid-run; the execution is marked interrupted by one instance only.
        await File.WriteAllTextAsync(Path.Combine(stack.Library, "utility", "long_wait.yaml"), LongWait);
        var longId = await StartAsync(adminB, "utility/long_wait.yaml");
        await stack.WaitForAsync(longId, e => e["steps"]!.AsArray().Any(s => s!["status"]!.GetValue<string>() == "running"), 120);
        foreach (var runner in stack.Runners) runner.Crash();
        await stack.WaitForStatusAsync(longId, "interrupted", 120);
        var marker = $"Execution {longId} interrupted";
        var markedBy = new[] { a, b }.Count(api => api.Output.Contains(marker, StringComparison.Ordinal));
        Assert.Equal(1, markedBy);
    }

    private static async Task<Guid> StartAsync(HttpClient api, string playbook)
    {
        using var response = await api.PostAsJsonAsync("api/v1/executions", new { playbook, parameters = new { } });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return Guid.Parse(JsonNode.Parse(body)!["id"]!.GetValue<string>());
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string user, string password) =>
        client.PostAsJsonAsync("api/v1/auth/login", new { username = user, password });

    /// <summary>The event sequences a live client received, and the execution's final status once it came.</summary>
    private sealed record LiveWatch(List<long> Sequences, TaskCompletionSource<string> Finished);

    private static LiveWatch Watch(HubConnection hub)
    {
        var live = new LiveWatch([], new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
        hub.On<JsonElement>("ExecutionEvents", batch =>
        {
            lock (live.Sequences)
                foreach (var e in batch.GetProperty("events").EnumerateArray())
                    live.Sequences.Add(e.GetProperty("sequence").GetInt64());
            var status = batch.GetProperty("status").GetString()!;
            if (status is "completed" or "failed" or "cancelled") live.Finished.TrySetResult(status);
        });
        return live;
    }

    private static async Task<HubConnection> ConnectAsync(ToolkitStack stack, ToolkitProcess api)
    {
        var token = await stack.LoginAsync(ToolkitStack.AdminUser, ToolkitStack.AdminPassword, api);
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(api.BaseAddress, "hubs/executions"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await hub.StartAsync();
        return hub;
    }

    private static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        T last = default!;
        await Wait.UntilAsync(async () => done(last = await read()), Wait.DefaultTimeout, what,
            () => last is System.Collections.IEnumerable items and not string ? string.Join(", ", items.Cast<object>()) : $"{last}",
            TimeSpan.FromMilliseconds(200));
        return last;
    }
}
