using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Plugins.Perspective.Browser;
using IgnitionToolkit.Plugins.Perspective.Tests.Infrastructure;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Testing;

namespace IgnitionToolkit.Plugins.Perspective.Tests;

/// <summary>Login with a vault credential, v2 aliases, one isolated context per execution, live view frames.</summary>
[Trait("Category", "Functional")]
public sealed class SessionTests : IAsyncLifetime
{
    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> Vault = new()
    {
        ["plant"] = new Dictionary<string, string> { ["username"] = "admin", ["password"] = "password" },
        ["wrong"] = new Dictionary<string, string> { ["username"] = "admin", ["password"] = "not-the-password" },
    };

    private PerspectiveHarness _h = null!;

    public async Task InitializeAsync() => _h = await PerspectiveHarness.StartAsync(liveView: true);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static string LoginPlaybook(string credential) => Yaml.Playbook($$$"""
        - id: open
          type: perspective.navigate
          parameters: { gateway_url: "{{ parameter.gateway_url }}", project: Demo_HMI, page: secure, wait_for_spinner: false }
        - id: login
          type: perspective.login
          parameters:
            username: "{{ credential.{{{credential}}}.username }}"
            password: "{{ credential.{{{credential}}}.password }}"
        - id: user
          type: perspective.verify
          parameters: { selector: ".user-label", check: text_equals, expected: "Logged in as admin" }
        """);

    [Fact]
    public async Task Login_through_the_IdP_form_with_a_vault_credential_returns_to_the_page()
    {
        var (status, run) = await _h.RunAsync(LoginPlaybook("plant"), Vault);
        Expect.Completed(status, run);
        Assert.EndsWith("/data/perspective/client/Demo_HMI/secure", (string)run.Output("login", "url")!);
        Assert.Contains(run.Logs, l => l.Contains("logged in as 'admin'", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Logs, l => l.Contains("password", StringComparison.Ordinal) && l.Contains(Vault["plant"]["password"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_with_a_wrong_password_fails_with_the_form_message_and_captures()
    {
        var (status, run) = await _h.RunAsync(LoginPlaybook("wrong"), Vault);
        Assert.Equal(ExecutionStatus.Failed, status);
        var error = Expect.FailedWith(run, "login", "login as 'admin' was rejected");
        Assert.Contains("Invalid username or", error, StringComparison.Ordinal); // "password" is a vault value here, so it is masked
        Assert.DoesNotContain("not-the-password", error, StringComparison.Ordinal);
        Assert.NotNull(run.Output("login", "failure_screenshot"));
    }

    [Fact]
    public async Task V2_browser_steps_run_with_their_old_parameters_and_a_deprecation_warning()
    {
        var (playbook, warnings) = _h.Load(Yaml.Playbook("""
            - id: nav
              type: browser.navigate
              parameters: { url: "{{ parameter.gateway_url }}/data/perspective/client/Demo_HMI/", wait_until: networkidle }
            - id: wait
              type: browser.wait
              parameters: { selector: "[data-component-path='C:1']", timeout: 5000 }
            - id: fill
              type: browser.fill
              parameters: { selector: "input[aria-label='Setpoint']", value: "7" }
            - id: click
              type: browser.click
              parameters: { selector: "text='Apply'", timeout: 3000 }
            - id: verify
              type: browser.verify
              parameters: { selector: ".alarm-row", exists: false }
            - id: verify_label
              type: browser.verify
              parameters: { selector: "[data-component-path='C:5']" }
            - id: shot
              type: browser.screenshot
              parameters: { path: "screens/after_apply.png", full_page: true }
            """));
        foreach (var old in new[] { "browser.navigate", "browser.wait", "browser.fill", "browser.click", "browser.verify", "browser.screenshot" })
            Assert.Contains(warnings, w => w.Contains($"'{old}' is deprecated", StringComparison.Ordinal));
        Assert.Equal(5.0, playbook.Steps.Single(s => s.Id == "wait").Parameters["timeout"]);
        Assert.Equal("perspective.wait_for", playbook.Steps.Single(s => s.Id == "wait").Type);

        var run = _h.Start(playbook);
        Expect.Completed(await run.CompletionAsync(), run);
        Assert.Equal(0L, run.Output("verify", "count"));
        Expect.IsPng(run.Artifact("after_apply.png").Path);
    }

    [Fact]
    public async Task Each_execution_has_its_own_browser_context_closed_when_it_ends()
    {
        var (first, run1) = await _h.RunAsync(Yaml.Playbook(Yaml.OpenHome, """
            - id: remember
              type: perspective.click
              parameters: { component_path: "C:6" }
            - id: reopen
              type: perspective.navigate
              parameters: { gateway_url: "{{ parameter.gateway_url }}", project: Demo_HMI }
            - id: remembered
              type: perspective.verify
              parameters: { component_path: "C:7", check: text_equals, expected: "Remembered: yes" }
            """));
        Expect.Completed(first, run1);
        Assert.Equal(0, _h.Runtime.OpenContexts);

        var (second, run2) = await _h.RunAsync(Yaml.Playbook(Yaml.OpenHome, """
            - id: fresh
              type: perspective.verify
              parameters: { component_path: "C:7", check: text_equals, expected: "Remembered: no", timeout: 0.5 }
            """));
        Expect.Completed(second, run2);
        Assert.Equal(0, _h.Runtime.OpenContexts);
        Assert.Equal(BrowserState.Running, _h.Runtime.State);
    }

    [Fact]
    public async Task Contexts_of_concurrent_executions_are_separate_and_a_cancelled_one_is_closed()
    {
        var playbook = _h.Load(Yaml.Playbook(Yaml.OpenHome, """
            - id: hold
              type: perspective.wait_for
              parameters: { selector: "#never", timeout: 120 }
            """)).Playbook;
        var runs = new[] { _h.Start(playbook), _h.Start(playbook) };
        await Wait.UntilAsync(() => _h.Runtime.OpenContexts == 2, what: "two open contexts");
        foreach (var run in runs) run.Running.Control.Send(ExecutionCommand.Cancel);
        foreach (var run in runs) Assert.Equal(ExecutionStatus.Cancelled, await run.CompletionAsync(30));
        // Closed with the execution; a context still being created when the cancel came (a loaded run saw one) is
        // closed as soon as its step hands it over, so the test waits for that rather than for a moment.
        await Wait.UntilAsync(() => _h.Runtime.OpenContexts == 0, what: "the cancelled executions' contexts to close");
    }

    [Fact]
    public async Task Live_view_publishes_throttled_jpeg_frames_under_200_KB_while_the_page_is_open()
    {
        // The step holds the page until the test has seen frames (no fixed window), then the run is cancelled.
        var playbook = _h.Load(Yaml.Playbook(Yaml.OpenHome, """
            - id: hold
              type: perspective.wait_for
              parameters: { selector: "#never", timeout: 300 }
            """)).Playbook;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = _h.Start(playbook);
        await Wait.UntilAsync(() => _h.Frames.Frames.Count(f => f.StepPath == "hold") >= 3, TimeSpan.FromSeconds(120), "three live frames of the holding step");
        run.Control.Send(ExecutionCommand.Cancel);
        Assert.Equal(ExecutionStatus.Cancelled, await run.CompletionAsync(60));

        var frames = _h.Frames.Frames;
        Assert.Single(frames.Select(f => f.ExecutionId).Distinct());
        Assert.All(frames, f =>
        {
            Assert.True(f.Jpeg.Length is > 0 and < 200 * 1024, $"frame of {f.Jpeg.Length} bytes");
            Assert.Equal([0xFF, 0xD8], f.Jpeg[..2]);
            Assert.Equal(1280, f.Width);
        });
        // Throttled to 2 per second over the whole run (a slow capture may be followed at once by the next tick, so the
        // bound is on the run's duration, not on the gap between two frames): a slow machine sends fewer, never more.
        var elapsed = clock.Elapsed;
        Assert.True(frames.Count <= elapsed.TotalSeconds * 2 + 2, $"{frames.Count} frames in {elapsed.TotalSeconds:0.0} s");
        var afterEnd = _h.Frames.Frames.Count;
        await Task.Delay(1200);
        Assert.Equal(afterEnd, _h.Frames.Frames.Count); // no frames once the execution ended
    }
}
