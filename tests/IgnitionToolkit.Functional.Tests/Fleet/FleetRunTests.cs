using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IgnitionToolkit.GatewaySimulator.Hosting;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Functional.Tests.Fleet;

/// <summary>
/// Fleet runs through the built API and Runner processes on the real broker and database, against several gateway
/// simulators on their own ports, one of which answers 500 to its project list (the "projects" step fails there).
/// Concurrency is judged from the stored executions' start and finish times, never from timing in the test.
/// </summary>
public sealed class FleetRunTests
{
    private const string Playbook = """
        name: Fleet check
        version: "1.0"
        parameters:
          - { name: gateway_url, type: string, required: true }
          - { name: username, type: string, required: true }
          - { name: password, type: string, required: true }
          - { name: note, type: string, default: "" }
        steps:
          - id: login
            type: gateway.login
            parameters: { url: "{{ parameter.gateway_url }}", username: "{{ parameter.username }}", password: "{{ parameter.password }}" }
            timeout: 120
          - id: projects
            type: gateway.list_projects
            parameters: {}
            timeout: 120
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_fleet_run_keeps_to_max_parallel_and_shows_the_failing_gateways_step(bool postgres)
    {
        await using var fleet = await Fleet.StartAsync(postgres, good: 4);

        var run = await fleet.RunAsync(new { playbook = Fleet.PlaybookPath, parameters = new { note = "nightly" }, selection = new { tags = new { site = "north" } }, max_parallel = 2 });

        Assert.Equal("failed", run["status"]!.GetValue<string>());
        var rows = run["gateways"]!.AsArray().Select(r => r!).ToList();
        Assert.Equal(5, rows.Count);
        var failing = rows.Single(r => r["gateway"]!.GetValue<string>() == Fleet.FailingName);
        Assert.Equal("failed", failing["status"]!.GetValue<string>());
        Assert.Equal("projects", failing["failed_step"]!.GetValue<string>());
        Assert.All(rows.Where(r => r != failing), r => Assert.Equal("completed", r["status"]!.GetValue<string>()));

        // Each row links its execution; each execution knows its fleet run and ran on that row's gateway.
        var executions = new List<JsonNode>();
        foreach (var row in rows)
        {
            var execution = await fleet.Stack.GetExecutionAsync(Guid.Parse(row["execution_id"]!.GetValue<string>()));
            Assert.Equal(run["id"]!.GetValue<string>(), execution["execution"]!["fleet_run_id"]!.GetValue<string>());
            Assert.Equal(row["url"]!.GetValue<string>(), execution["parameters"]!["gateway_url"]!.GetValue<string>());
            Assert.Equal("***", execution["parameters"]!["password"]!.GetValue<string>()); // filled from the credential, stored masked
            executions.Add(execution["execution"]!);
        }
        var listed = JsonNode.Parse(await fleet.Stack.Http.GetStringAsync($"api/v1/executions?fleet_run={run["id"]}&pageSize=50"))!;
        Assert.Equal(5, listed["total_count"]!.GetValue<int>());

        // At most two at once, from the stored times: at each start, count the executions started and not yet finished.
        var spans = executions.Select(e => (Start: e["started_at"]!.GetValue<DateTimeOffset>(), End: e["finished_at"]!.GetValue<DateTimeOffset>())).ToList();
        var most = spans.Max(s => spans.Count(o => o.Start <= s.Start && o.End > s.Start));
        Assert.InRange(most, 1, 2);
    }

    [Fact]
    public async Task Stop_after_failures_skips_the_gateways_not_started()
    {
        await using var fleet = await Fleet.StartAsync(postgres: false, good: 2);

        var run = await fleet.RunAsync(new
        {
            playbook = Fleet.PlaybookPath, selection = new { gateways = new[] { Fleet.FailingName, "gw-good-1", "gw-good-2" } },
            max_parallel = 1, stop_after_failures = 1,
        });

        Assert.Equal("stopped", run["status"]!.GetValue<string>());
        var rows = run["gateways"]!.AsArray().ToDictionary(r => r!["gateway"]!.GetValue<string>(), r => r!);
        Assert.Equal("failed", rows[Fleet.FailingName]["status"]!.GetValue<string>());
        Assert.Equal("skipped", rows["gw-good-1"]["status"]!.GetValue<string>());
        Assert.Equal("skipped", rows["gw-good-2"]["status"]!.GetValue<string>());
        Assert.Null(rows["gw-good-1"]["execution_id"]);
        var listed = JsonNode.Parse(await fleet.Stack.Http.GetStringAsync($"api/v1/executions?fleet_run={run["id"]}"))!;
        Assert.Equal(1, listed["total_count"]!.GetValue<int>()); // the skipped gateways never got an execution
    }

    [Fact]
    public async Task A_schedule_targeting_a_fleet_starts_fleet_runs_and_their_end_is_posted_to_a_webhook()
    {
        await using var receiver = await Infrastructure.WebhookReceiver.StartAsync();
        await using var fleet = await Fleet.StartAsync(postgres: false, good: 1, new Dictionary<string, string>
        {
            ["Toolkit__Schedules__TickInterval"] = "00:00:01",
            ["Toolkit__Notifications__WebBaseUrl"] = "https://toolkit.example.test/",
        });
        await Fleet.PostAsync(fleet.Stack.Http, "api/v1/webhooks", new
        {
            name = "fleet ends", url = new Uri(receiver.BaseAddress, "hooks/fleet").ToString(), kinds = new[] { "fleet_run.finished" },
        });
        var schedule = await Fleet.PostAsync(fleet.Stack.Http, "api/v1/schedules", new
        {
            name = "Nightly fleet check", playbook = Fleet.PlaybookPath, timing = new { kind = "cron", cron = "*/30 * * * * *" },
            fleet = new { selection = new { tags = new Dictionary<string, string> { ["site"] = "north" } }, max_parallel = 2 },
        });
        Assert.Equal("north", schedule["fleet"]!["selection"]!["tags"]!["site"]!.GetValue<string>());
        var scheduleId = schedule["id"]!.GetValue<string>();

        // the first run (every 30 s) is a fleet run over both gateways of site north
        var started = await Wait.ForAsync<JsonNode>(async () =>
        {
            var runs = JsonNode.Parse(await fleet.Stack.Http.GetStringAsync($"api/v1/schedules/{scheduleId}/runs"))!["items"]!.AsArray();
            return runs.FirstOrDefault(r => r!["fleet_run_id"] is not null);
        }, r => r is not null, "the schedule to start a fleet run", TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1)); // polled gently: the API rate-limits a client
        (await fleet.Stack.Http.PostAsync($"api/v1/schedules/{scheduleId}/disable", null)).EnsureSuccessStatusCode();
        Assert.Equal("started", started!["state"]!.GetValue<string>());
        var run = await fleet.WaitForRunAsync(started["fleet_run_id"]!.GetValue<string>());
        Assert.Equal("failed", run["status"]!.GetValue<string>()); // the failing gateway fails its step
        Assert.Equal(2, run["gateways"]!.AsArray().Count);
        Assert.Equal(scheduleId, run["schedule_id"]!.GetValue<string>());

        var posted = await Wait.ForAsync(() => receiver.Requests.FirstOrDefault(), r => r is not null, "the fleet_run.finished webhook", TimeSpan.FromMinutes(2));
        var body = JsonNode.Parse(posted!.Body)!;
        Assert.Equal("fleet_run.finished", body["kind"]!.GetValue<string>());
        Assert.Equal(run["id"]!.GetValue<string>(), body["data"]!["fleet_run_id"]!.GetValue<string>());
        Assert.Equal(scheduleId, body["data"]!["schedule_id"]!.GetValue<string>());
        Assert.Equal(1, body["data"]!["completed"]!.GetValue<int>());
        var notCompleted = Assert.Single(body["data"]!["not_completed"]!.AsArray());
        Assert.Equal(Fleet.FailingName, notCompleted!["gateway"]!.GetValue<string>());
        Assert.Equal("projects", notCompleted["failed_step"]!.GetValue<string>());
        Assert.Equal($"https://toolkit.example.test/fleet-runs/{run["id"]}", body["links"]!["fleet_run"]!.GetValue<string>());
    }

    /// <summary>A stack, a vault credential, simulators (the failing one named first, so it starts first) and their inventory.</summary>
    private sealed class Fleet : IAsyncDisposable
    {
        public const string PlaybookPath = "fleet/check.yaml";
        public const string FailingName = "gw-a-failing";
        private readonly List<SimulatorServer> _simulators = [];

        public ToolkitStack Stack { get; private set; } = null!;

        public static async Task<Fleet> StartAsync(bool postgres, int good, IReadOnlyDictionary<string, string>? settings = null)
        {
            var fleet = new Fleet();
            try
            {
                fleet.Stack = await ToolkitStack.StartAsync(postgres: postgres, settings: settings);
                var file = Path.Combine(fleet.Stack.Library, PlaybookPath);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                await File.WriteAllTextAsync(file, Playbook);
                await PostAsync(fleet.Stack.Http, "api/v1/credentials", new
                {
                    name = "fleet-login", kind = "gateway_login",
                    fields = new Dictionary<string, string> { ["username"] = "admin", ["password"] = "fleet-password", ["gateway_url"] = "http://unused.invalid:8088" },
                });
                await fleet.AddAsync(FailingName, new Dictionary<string, string?>
                {
                    ["Simulator:Faults:ErrorRate"] = "1", ["Simulator:Faults:ErrorStatusCode"] = "500", ["Simulator:Faults:PathPrefix"] = "/data/api/v1/projects",
                });
                for (var i = 1; i <= good; i++) await fleet.AddAsync($"gw-good-{i}", new Dictionary<string, string?>());
                return fleet;
            }
            catch
            {
                await fleet.DisposeAsync();
                throw;
            }
        }

        private async Task AddAsync(string name, Dictionary<string, string?> settings)
        {
            settings["Simulator:Users:0:Username"] = "admin";
            settings["Simulator:Users:0:Password"] = "fleet-password";
            settings["Simulator:Users:0:Roles:0"] = "Administrator";
            settings["Simulator:GatewayName"] = name;
            var simulator = await SimulatorServer.StartAsync(settings);
            _simulators.Add(simulator);
            await PostAsync(Stack.Http, "api/v1/gateways", new
            {
                name, url = simulator.BaseAddress.ToString().TrimEnd('/'), credential_name = "fleet-login",
                tags = new Dictionary<string, string> { ["site"] = "north", ["environment"] = "test" },
            });
        }

        /// <summary>Starts a fleet run and waits (generous bound) until it has finished; returns its final state.</summary>
        public async Task<JsonNode> RunAsync(object body)
        {
            var created = await PostAsync(Stack.Http, "api/v1/fleet-runs", body);
            return await WaitForRunAsync(created["id"]!.GetValue<string>());
        }

        public async Task<JsonNode> WaitForRunAsync(string id)
        {
            JsonNode? run = null;
            await Wait.UntilAsync(async () =>
            {
                run = JsonNode.Parse(await Stack.Http.GetStringAsync($"api/v1/fleet-runs/{id}"))!;
                return run["status"]!.GetValue<string>() != "running";
            }, TimeSpan.FromMinutes(10), $"fleet run {id} to finish", () => $"{run?.ToJsonString()}\nAPI:\n{Stack.Api.Output}", TimeSpan.FromMilliseconds(200));
            return run!;
        }

        public static async Task<JsonNode> PostAsync(HttpClient http, string path, object body)
        {
            using var response = await http.PostAsJsonAsync(path, body);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Accepted or HttpStatusCode.OK))
                throw new InvalidOperationException($"POST {path} → {(int)response.StatusCode}: {text}");
            return JsonNode.Parse(text)!;
        }

        public async ValueTask DisposeAsync()
        {
            if (Stack is not null) await Stack.DisposeAsync();
            foreach (var simulator in _simulators) await simulator.DisposeAsync();
        }
    }
}
