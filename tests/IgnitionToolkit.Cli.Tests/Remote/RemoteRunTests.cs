using System.Xml.Linq;
using IgnitionToolkit.Cli.CommandLine;
using IgnitionToolkit.Cli.Tests.Support;
using IgnitionToolkit.Testing;
using ServerOptions = IgnitionToolkit.Cli.Remote.ServerOptions;
using Wait = IgnitionToolkit.Testing.Wait;

namespace IgnitionToolkit.Cli.Tests.Remote;

/// <summary><c>run --server URL PLAYBOOK --wait</c> against a real API and Runner, as a CI pipeline calls it: live
/// progress, the run's exit code, and a JUnit file (checked against the JUnit XSD) downloaded from the server.</summary>
[Trait("Category", "Functional")]
[Collection(RemoteStackFixture.Collection)]
public sealed class RemoteRunTests(RemoteStackFixture fixture) : IDisposable
{
    private readonly CliRunner _cli = new(OutputStyle.Timestamped);

    [Fact]
    public async Task Login_then_run_wait_streams_the_steps_exits_0_and_writes_a_valid_junit_file()
    {
        Assert.Equal(ExitCodes.Success, await _cli.RunAsync(CancellationToken.None, ToolkitStack.AdminPassword + "\n",
            "login", "--server", fixture.Server, "--username", ToolkitStack.AdminUser, "--password-stdin"));
        var config = Path.Combine(_cli.ConfigDirectory, "config.json");
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(config));
        Assert.DoesNotContain(ToolkitStack.AdminPassword, await File.ReadAllTextAsync(config));
        var playbook = await PushAsync("hello", Playbooks.Hello);
        var junit = Path.Combine(_cli.Folder.Path, "out", "junit.xml");

        var code = await _cli.RunAsync("run", "--wait", playbook, "--junit", junit);

        Assert.True(code == ExitCodes.Success, $"exit {code}\n{_cli.Output}\n{_cli.Error}");
        Assert.Matches(@"\d{4}-\d\d-\d\dT[\d:.]+Z > greet \(utility\.log\) started", _cli.Output);
        Assert.Contains("[info] Hello from the tool", _cli.Output);
        Assert.Contains("Execution completed", _cli.Output);
        var problems = JUnitSchema.Validate(junit);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        var suite = XDocument.Load(junit).Root!.Element("testsuite")!;
        Assert.Equal("hello", suite.Attribute("name")!.Value);
        Assert.Equal("greet (Greet)", Assert.Single(suite.Elements("testcase")).Attribute("name")!.Value);
    }

    [Fact]
    public async Task A_failing_step_exits_1_with_the_failure_in_the_junit_file_and_the_html_report()
    {
        var playbook = await PushAsync("failing", Playbooks.Failing);
        var junit = Path.Combine(_cli.Folder.Path, "failing.xml");
        var html = Path.Combine(_cli.Folder.Path, "failing.html");

        var code = await _cli.RunAsync("run", "--server", fixture.Server, "--token", await TokenAsync(), playbook, "--wait", "--junit", junit, "--report", html);

        Assert.True(code == ExitCodes.Failed, $"exit {code}\n{_cli.Output}\n{_cli.Error}");
        Assert.Contains("< too_slow failed in ", _cli.Output);
        Assert.Empty(JUnitSchema.Validate(junit));
        var slow = XDocument.Load(junit).Descendants("testcase").Single(c => c.Attribute("name")!.Value.StartsWith("too_slow", StringComparison.Ordinal));
        Assert.NotNull(slow.Element("failure"));
        Assert.Contains("<section id=\"failure\">", await File.ReadAllTextAsync(html));
    }

    [Fact]
    public async Task Ctrl_c_cancels_the_run_on_the_server_and_exits_3()
    {
        var playbook = await PushAsync("blocking", Playbooks.Blocking);
        _cli.Variables[ServerOptions.ServerVariable] = fixture.Server;
        _cli.Variables[ServerOptions.TokenVariable] = await TokenAsync();
        using var interrupt = new CancellationTokenSource();

        var run = _cli.RunAsync(interrupt.Token, null, "run", "--wait", playbook);
        await Wait.UntilAsync(() => _cli.Output.Contains("> hold (utility.wait) started", StringComparison.Ordinal), Wait.ServiceStart,
            "the remote step to start", () => _cli.Output + _cli.Error);
        await interrupt.CancelAsync();

        Assert.Equal(ExitCodes.Cancelled, await run.WaitAsync(TimeSpan.FromMinutes(3)));
        Assert.Contains("Execution cancelled", _cli.Output);
    }

    [Fact]
    public async Task Executions_resume_and_run_again_start_new_executions_and_exit_with_their_result()
    {
        var playbook = await PushAsync("failing-again", Playbooks.Failing);
        _cli.Variables[ServerOptions.ServerVariable] = fixture.Server;
        _cli.Variables[ServerOptions.TokenVariable] = await TokenAsync();
        Assert.Equal(ExitCodes.Failed, await _cli.RunAsync("run", "--wait", playbook));
        var first = StartedIds().Single();

        var code = await _cli.RunAsync("executions", "resume", first, "--step", "too_slow", "--wait");
        Assert.True(code == ExitCodes.Failed, $"exit {code}\n{_cli.Output}\n{_cli.Error}");
        var resumed = StartedIds()[^1];
        Assert.NotEqual(first, resumed);
        var detail = System.Text.Json.Nodes.JsonNode.Parse(await fixture.Stack.Http.GetStringAsync($"api/v1/executions/{resumed}"))!["execution"]!;
        Assert.Equal(first, detail["resumed_from_id"]!.GetValue<string>());
        Assert.Equal("too_slow", detail["resumed_at_step"]!.GetValue<string>());

        Assert.Equal(ExitCodes.Failed, await _cli.RunAsync("executions", "run-again", first, "--wait"));
        Assert.Equal(3, StartedIds().Distinct().Count());
        Assert.Equal(ExitCodes.InvalidInput, await _cli.RunAsync("executions", "resume", Guid.NewGuid().ToString()));
    }

    private List<string> StartedIds() =>
        System.Text.RegularExpressions.Regex.Matches(_cli.Output, @"Execution ([0-9a-f-]{36}) started").Select(m => m.Groups[1].Value).ToList();

    private async Task<string> TokenAsync() => await fixture.Stack.LoginAsync(ToolkitStack.AdminUser, ToolkitStack.AdminPassword);

    /// <summary>Uploads a playbook with <c>playbook push</c> under a unique library path and returns that path.</summary>
    private async Task<string> PushAsync(string name, string yaml)
    {
        var file = _cli.Folder.Write($"{name}.yaml", yaml);
        var path = $"cli-tests/{name}-{Guid.NewGuid():N}.yaml";
        var code = await _cli.RunAsync("playbook", "push", file, "--path", path, "--server", fixture.Server, "--token", await TokenAsync());
        Assert.True(code == ExitCodes.Success, $"push: exit {code}\n{_cli.Error}");
        return path;
    }

    public void Dispose() => _cli.Dispose();
}
