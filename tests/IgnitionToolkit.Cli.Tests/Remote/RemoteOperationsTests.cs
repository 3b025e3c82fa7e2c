using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using IgnitionToolkit.Cli.CommandLine;
using IgnitionToolkit.Cli.Tests.Support;
using IgnitionToolkit.GatewaySimulator.Hosting;
using IgnitionToolkit.Testing;
using ServerOptions = IgnitionToolkit.Cli.Remote.ServerOptions;
using Wait = IgnitionToolkit.Testing.Wait;

namespace IgnitionToolkit.Cli.Tests.Remote;

/// <summary><c>schedule list|run-now</c>, <c>fleet run|list|show</c> (Ctrl+C cancels: exit 3) and <c>playbook import</c> against a real API and Runner; the fleet's
/// gateways are gateway simulators over HTTP, one of which fails its project list. JUnit files are checked against the XSD.</summary>
[Trait("Category", "Functional")]
[Collection(RemoteStackFixture.Collection)]
public sealed class RemoteOperationsTests(RemoteStackFixture fixture) : IDisposable
{
    private const string FleetPlaybook = """
        name: Fleet check
        version: "1.0"
        parameters:
          - { name: gateway_url, type: string, required: true }
          - { name: username, type: string, required: true }
          - { name: password, type: string, required: true }
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

    private readonly CliRunner _cli = new(OutputStyle.Timestamped);

    [Fact]
    public async Task Schedule_list_shows_a_schedule_and_run_now_wait_starts_it_as_the_schedule_and_writes_junit()
    {
        await SignInAsync();
        var path = Write($"cli-tests/scheduled-{Guid.NewGuid():N}.yaml", Playbooks.Hello);
        var name = "cli nightly " + Guid.NewGuid().ToString("N")[..6];
        await PostAsync("api/v1/schedules", new { name, playbook = path, timing = new { kind = "daily", at = "02:30" }, time_zone = "Europe/Berlin" });

        Assert.Equal(ExitCodes.Success, await _cli.RunAsync("schedule", "list"));
        Assert.Matches(@"NAME\s+STATE\s+TIMING", _cli.Output);
        Assert.Contains(_cli.Output.Split('\n'), l => l.StartsWith(name, StringComparison.Ordinal) && l.Contains("30 2 * * * Europe/Berlin", StringComparison.Ordinal));
        Assert.Equal(ExitCodes.Success, await _cli.RunAsync("schedule", "list", "--json"));
        Assert.Contains(JsonNode.Parse(LastLine())!.AsArray(), s => s!["name"]!.GetValue<string>() == name);

        var junit = Path.Combine(_cli.Folder.Path, "scheduled.xml");
        var code = await _cli.RunAsync("schedule", "run-now", name.ToUpperInvariant(), "--wait", "--junit", junit);

        Assert.True(code == ExitCodes.Success, $"exit {code}\n{_cli.Output}\n{_cli.Error}");
        Assert.Contains("Execution completed", _cli.Output);
        var id = System.Text.RegularExpressions.Regex.Match(_cli.Output, @"Execution ([0-9a-f-]{36}) started").Groups[1].Value;
        var execution = JsonNode.Parse(await fixture.Stack.Http.GetStringAsync($"api/v1/executions/{id}"))!["execution"]!;
        Assert.Equal(name, execution["schedule_name"]!.GetValue<string>());
        Assert.Empty(JUnitSchema.Validate(junit));

        Assert.Equal(ExitCodes.InvalidInput, await _cli.RunAsync("schedule", "run-now", "no such schedule"));
        Assert.Contains("no schedule named 'no such schedule'", _cli.Error);
    }

    [Fact]
    public async Task Fleet_run_wait_prints_each_gateway_exits_1_when_one_fails_and_writes_a_suite_per_gateway()
    {
        await SignInAsync();
        var site = "cli-" + Guid.NewGuid().ToString("N")[..8];
        var path = Write($"cli-tests/fleet-{site}.yaml", FleetPlaybook);
        await PostAsync("api/v1/credentials", new
        {
            name = $"{site}-login", kind = "gateway_login",
            fields = new Dictionary<string, string> { ["username"] = "admin", ["password"] = "fleet-password", ["gateway_url"] = "http://unused.invalid:8088" },
        });
        await using var good = await GatewayAsync($"{site}-good", site, new Dictionary<string, string?>());
        await using var failing = await GatewayAsync($"{site}-failing", site, new Dictionary<string, string?>
        {
            ["Simulator:Faults:ErrorRate"] = "1", ["Simulator:Faults:ErrorStatusCode"] = "500", ["Simulator:Faults:PathPrefix"] = "/data/api/v1/projects",
        });
        var junit = Path.Combine(_cli.Folder.Path, "fleet.xml");

        var code = await _cli.RunAsync("fleet", "run", path, "--tag", $"site={site}", "--max-parallel", "2", "--wait", "--junit", junit);

        Assert.True(code == ExitCodes.Failed, $"exit {code}\n{_cli.Output}\n{_cli.Error}");
        Assert.Matches($@"Z {site}-good completed in \d+\.\d\ds", _cli.Output);
        Assert.Matches($@"Z {site}-failing failed in \d+\.\d\ds at step projects", _cli.Output);
        Assert.Contains("Fleet run failed: 1 completed, 1 failed, 0 skipped of 2", _cli.Output);
        Assert.DoesNotContain("fleet-password", _cli.Output + _cli.Error);
        var problems = JUnitSchema.Validate(junit);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        var suites = XDocument.Load(junit).Root!.Elements("testsuite").ToDictionary(s => s.Attribute("name")!.Value);
        Assert.Equal([$"{site}-failing", $"{site}-good"], suites.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["login", "projects"], suites[$"{site}-good"].Elements("testcase").Select(c => c.Attribute("name")!.Value));
        Assert.Empty(suites[$"{site}-good"].Descendants("failure"));
        Assert.NotNull(suites[$"{site}-failing"].Elements("testcase").Single(c => c.Attribute("name")!.Value == "projects").Element("failure"));
        var runId = System.Text.RegularExpressions.Regex.Match(_cli.Output, @"Fleet run ([0-9a-f-]{36}) started").Groups[1].Value;

        Assert.Equal(ExitCodes.Success, await _cli.RunAsync("fleet", "list"));
        Assert.Contains(runId, _cli.Output);
        Assert.Equal(ExitCodes.Success, await _cli.RunAsync("fleet", "show", runId));
        Assert.Matches($@"{site}-failing\s+failed\s+[0-9a-f-]{{36}}\s+projects", _cli.Output);

        Assert.Equal(ExitCodes.InvalidInput, await _cli.RunAsync("fleet", "run", path));
        Assert.Contains("--gateway NAME or --tag", _cli.Error);
        Assert.Equal(ExitCodes.InvalidInput, await _cli.RunAsync("fleet", "run", path, "--gateway", "no-such-gateway"));
    }

    [Fact]
    public async Task Ctrl_c_during_fleet_run_wait_cancels_the_fleet_run_on_the_server_and_exits_3()
    {
        await SignInAsync();
        var site = "cli-" + Guid.NewGuid().ToString("N")[..8];
        var path = Write($"cli-tests/fleet-hold-{site}.yaml", """
            name: Fleet hold
            version: "1.0"
            parameters:
              - { name: gateway_url, type: string, required: true }
            steps:
              - id: hold
                type: utility.wait
                parameters: { seconds: 600 }
                timeout: 900
            """);
        await PostAsync("api/v1/gateways", new { name = $"{site}-hold", url = "http://127.0.0.1:9", tags = new Dictionary<string, string> { ["site"] = site } });
        using var interrupt = new CancellationTokenSource();

        var run = _cli.RunAsync(interrupt.Token, null, "fleet", "run", path, "--gateway", $"{site}-hold", "--wait");
        var runId = await Wait.ForAsync(() => System.Text.RegularExpressions.Regex.Match(_cli.Output, @"Fleet run ([0-9a-f-]{36}) started") is { Success: true } m ? m.Groups[1].Value : null,
            id => id is not null, "the fleet run to start", Wait.ServiceStart);
        await Wait.UntilAsync(async () => JsonNode.Parse(await fixture.Stack.Http.GetStringAsync($"api/v1/fleet-runs/{runId}"))!["gateways"]![0]!["status"]!.GetValue<string>() == "running",
            Wait.ServiceStart, "the gateway's execution to run", poll: TimeSpan.FromSeconds(1));
        await interrupt.CancelAsync();

        var ended = await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(3)));
        Assert.True(ended == run, $"the command did not end after Ctrl+C.\nOutput:\n{_cli.Output}\nError:\n{_cli.Error}\nFleet run:\n"
            + await fixture.Stack.Http.GetStringAsync($"api/v1/fleet-runs/{runId}"));
        Assert.Equal(ExitCodes.Cancelled, await run);
        Assert.Contains("cancelling...", _cli.Error);
        Assert.Contains("Fleet run cancelled: 0 completed", _cli.Output);
        Assert.Matches($@"Z {site}-hold cancelled", _cli.Output);
    }

    [Fact]
    public async Task Playbook_import_of_an_export_zip_fails_on_a_conflict_naming_the_path_then_skips_or_overwrites()
    {
        await SignInAsync();
        var folder = $"cli-tests/import-{Guid.NewGuid():N}";
        var path = Write($"{folder}/hello.yaml", Playbooks.Hello);
        var zip = Path.Combine(_cli.Folder.Path, "export.zip");
        await File.WriteAllBytesAsync(zip, await fixture.Stack.Http.GetByteArrayAsync($"api/v1/library/export?folder={Uri.EscapeDataString(folder)}"));

        Assert.Equal(ExitCodes.Success, await _cli.RunAsync("playbook", "import", zip));
        Assert.Contains($"unchanged\t{path}", _cli.Output);

        var changed = Playbooks.Hello.Replace("Hello from the tool", "Changed in the library", StringComparison.Ordinal);
        Write(path, changed);
        Assert.Equal(ExitCodes.InvalidInput, await _cli.RunAsync("playbook", "import", zip));
        Assert.Contains($"changed\t{path}", _cli.Output);
        Assert.Contains($"differ from the library's: {path}; nothing was imported", _cli.Error);
        Assert.Equal(changed, await File.ReadAllTextAsync(Path.Combine(fixture.Stack.Library, path)));

        Assert.Equal(ExitCodes.Success, await _cli.RunAsync("playbook", "import", zip, "--on-conflict", "skip"));
        Assert.Contains($"kept\t{path}", _cli.Output);
        Assert.Equal(changed, await File.ReadAllTextAsync(Path.Combine(fixture.Stack.Library, path)));

        Assert.Equal(ExitCodes.Success, await _cli.RunAsync("playbook", "import", zip, "--on-conflict", "overwrite"));
        Assert.Contains($"overwritten\t{path} (backup ", _cli.Output);
        Assert.Equal(Playbooks.Hello, await File.ReadAllTextAsync(Path.Combine(fixture.Stack.Library, path)));
        Assert.Equal(ExitCodes.InvalidInput, await _cli.RunAsync("playbook", "import", zip, "--on-conflict", "sometimes"));
    }

    private async Task SignInAsync()
    {
        _cli.Variables[ServerOptions.ServerVariable] = fixture.Server;
        _cli.Variables[ServerOptions.TokenVariable] = await fixture.Stack.LoginAsync(ToolkitStack.AdminUser, ToolkitStack.AdminPassword);
    }

    /// <summary>Writes a playbook straight into the server's library folder; returns its library path.</summary>
    private string Write(string path, string yaml)
    {
        var file = Path.Combine(fixture.Stack.Library, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, yaml);
        return path;
    }

    /// <summary>A gateway simulator (user admin / fleet-password) added to the inventory with the site's tag.</summary>
    private async Task<SimulatorServer> GatewayAsync(string name, string site, Dictionary<string, string?> settings)
    {
        settings["Simulator:Users:0:Username"] = "admin";
        settings["Simulator:Users:0:Password"] = "fleet-password";
        settings["Simulator:Users:0:Roles:0"] = "Administrator";
        settings["Simulator:GatewayName"] = name;
        var simulator = await SimulatorServer.StartAsync(settings);
        await PostAsync("api/v1/gateways", new
        {
            name, url = simulator.BaseAddress.ToString().TrimEnd('/'), credential_name = $"{site}-login", tags = new Dictionary<string, string> { ["site"] = site },
        });
        return simulator;
    }

    private async Task PostAsync(string path, object body)
    {
        using var response = await fixture.Stack.Http.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private string LastLine() => _cli.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];

    public void Dispose() => _cli.Dispose();
}
