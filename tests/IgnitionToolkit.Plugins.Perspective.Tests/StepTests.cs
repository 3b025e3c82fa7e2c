using System.Diagnostics;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Plugins.Perspective.Tests.Infrastructure;
using IgnitionToolkit.Testing.Engine;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Plugins.Perspective.Tests;

/// <summary>Every browser step and locator kind, in real headless Chromium against the simulator's Perspective pages.</summary>
[Trait("Category", "Functional")]
public sealed class StepTests : IAsyncLifetime
{
    private PerspectiveHarness _h = null!;

    public async Task InitializeAsync() => _h = await PerspectiveHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Navigate_by_project_and_page_waits_for_the_spinner_then_components_are_ready()
    {
        var clock = Stopwatch.StartNew();
        var (status, run) = await _h.RunAsync(Yaml.Playbook("""
            - id: open
              type: perspective.navigate
              parameters: { gateway_url: "{{ parameter.gateway_url }}", project: Demo_HMI, page: slow }
            - id: ready
              type: perspective.verify
              parameters: { component_path: "C:0", check: text_equals, expected: Stopped, timeout: 0.05 }
            """));
        Expect.Completed(status, run);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.5), $"the 1.5 s spinner was not waited for ({clock.Elapsed})");
        Assert.EndsWith("/data/perspective/client/Demo_HMI/slow", (string)run.Output("open", "url")!);
        Assert.Equal("Demo_HMI - Home", run.Output("open", "title"));
    }

    [Fact]
    public async Task Click_fill_and_verify_with_every_locator_kind()
    {
        var (status, run) = await _h.RunAsync(Yaml.Playbook("""
            - id: open
              type: perspective.navigate
              parameters: { url: "{{ parameter.gateway_url }}/data/perspective/client/Demo_HMI/" }
            - id: start_by_text
              type: perspective.click
              parameters: { text: Start, exact: true }
            - id: running
              type: perspective.verify
              parameters: { component_path: "C:0", check: text_equals, expected: Running }
            - id: state_attribute
              type: perspective.verify
              parameters: { selector: ".status-label", check: attribute, attribute: data-state, expected: running }
            - id: stop_by_role
              type: perspective.click
              parameters: { role: button, name: Stop }
            - id: stopped
              type: perspective.verify
              parameters: { selector: "[data-component-path='C:0']", check: text_contains, expected: Stop }
            - id: setpoint
              type: perspective.fill
              parameters: { component: ia.input.text-field, value: "42.5" }
            - id: apply_by_component
              type: perspective.click
              parameters: { component: ia.input.button, text: Apply }
            - id: applied
              type: perspective.verify
              parameters: { component_path: "C:5", check: text_equals, expected: "Setpoint: 42.5" }
            - id: raise_1
              type: perspective.click
              parameters: { component_path: "C:8" }
            - id: raise_2
              type: perspective.click
              parameters: { component_path: "C:8" }
            - id: alarms
              type: perspective.verify
              parameters: { selector: ".alarm-row", check: count, expected: 2 }
            - id: buttons_exist
              type: perspective.verify
              parameters: { component: ia.input.button, check: exists }
            - id: label_visible
              type: perspective.verify
              parameters: { role: textbox, name: Setpoint, check: visible }
            - id: spinner_hidden
              type: perspective.verify
              parameters: { selector: ".ignition-loading-spinner", check: hidden }
            """));
        Expect.Completed(status, run);
        Assert.Equal("Setpoint: 42.5", run.Output("applied", "actual"));
        Assert.Equal(2L, run.Output("alarms", "count"));
        Assert.Equal(5L, run.Output("buttons_exist", "count"));
        Assert.DoesNotContain(run.Logs, l => l.Contains("42.5", StringComparison.Ordinal) && l.Contains("filled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wait_for_a_docked_view_to_show_and_hide()
    {
        var (status, run) = await _h.RunAsync(Yaml.Playbook("""
            - id: open
              type: perspective.navigate
              parameters: { gateway_url: "{{ parameter.gateway_url }}", project: Demo_HMI, page: docked }
            - id: header
              type: perspective.verify
              parameters: { component_path: "T[0]:0", check: text_equals, expected: Plant header }
            - id: dock_hidden
              type: perspective.verify
              parameters: { component_path: "L[0]", check: hidden }
            - id: menu
              type: perspective.click
              parameters: { component_path: "T[0]:1" }
            - id: dock_shown
              type: perspective.wait_for
              parameters: { component_path: "L[0]", state: visible, timeout: 5 }
            - id: menu_again
              type: perspective.click
              parameters: { component_path: "T[0]:1" }
            - id: dock_gone
              type: perspective.wait_for
              parameters: { component_path: "L[0]", state: hidden, timeout: 5 }
            """));
        Expect.Completed(status, run);
    }

    [Fact]
    public async Task Wait_for_that_times_out_fails_with_the_locator_and_captures_the_page()
    {
        var clock = Stopwatch.StartNew();
        var (status, run) = await _h.RunAsync(Yaml.Playbook(Yaml.OpenHome, """
            - id: never
              type: perspective.wait_for
              parameters: { selector: "#does-not-exist", timeout: 1 }
            """));
        Assert.Equal(ExecutionStatus.Failed, status);
        Expect.FailedWith(run, "never", "selector '#does-not-exist' did not become visible within 1 s");
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(30), $"took {clock.Elapsed}"); // not a default timeout of hours
        AssertCaptured(run, "never");
    }

    [Fact]
    public async Task Failed_verify_names_expected_and_actual_and_captures_screenshot_and_html()
    {
        var (status, run) = await _h.RunAsync(Yaml.Playbook(Yaml.OpenHome, """
            - id: check
              type: perspective.verify
              parameters: { component_path: "C:0", check: text_equals, expected: Running, timeout: 0.5 }
            """));
        Assert.Equal(ExecutionStatus.Failed, status);
        Expect.FailedWith(run, "check", "expected the text of component path 'C:0' to be 'Running', but found 'Stopped'");
        Assert.Equal("'Stopped'", run.Output("check", "actual"));
        AssertCaptured(run, "check");
    }

    [Fact]
    public async Task Terminal_state_page_fails_the_navigation_at_once_with_its_header()
    {
        var clock = Stopwatch.StartNew();
        var (status, run) = await _h.RunAsync(Yaml.Playbook("""
            - id: open
              type: perspective.navigate
              parameters: { gateway_url: "{{ parameter.gateway_url }}", project: Demo_HMI, page: terminal, timeout: 3600 }
            """));
        Assert.Equal(ExecutionStatus.Failed, status);
        Expect.FailedWith(run, "open", "terminal state page");
        Expect.FailedWith(run, "open", "\"Session Closed\"");
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(30), $"took {clock.Elapsed}: the one-hour timeout was waited for");
        AssertCaptured(run, "open");
    }

    [Fact]
    public async Task Unknown_project_shows_a_terminal_state()
    {
        var (status, run) = await _h.RunAsync(Yaml.Playbook("""
            - id: open
              type: perspective.navigate
              parameters: { gateway_url: "{{ parameter.gateway_url }}", project: No_Such_Project }
            """));
        Assert.Equal(ExecutionStatus.Failed, status);
        Expect.FailedWith(run, "open", "\"Project Not Found\"");
    }

    [Fact]
    public async Task Component_error_fails_at_once_naming_the_component_path()
    {
        var clock = Stopwatch.StartNew();
        var (status, run) = await _h.RunAsync(Yaml.Playbook("""
            - id: open
              type: perspective.navigate
              parameters: { gateway_url: "{{ parameter.gateway_url }}", project: Demo_HMI, page: broken, timeout: 3600 }
            """));
        Assert.Equal(ExecutionStatus.Failed, status);
        var error = Expect.FailedWith(run, "open", "component error in the component at path C:1");
        Assert.Contains("property 'series' is not valid", error, StringComparison.Ordinal);
        // "at once" = long before the step's one-hour timeout, however busy the machine is
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(30), $"waited for the timeout: {clock.Elapsed}");
        AssertCaptured(run, "open");
    }

    [Fact]
    public async Task Screenshots_of_page_full_page_and_element_are_png_artifacts()
    {
        var (status, run) = await _h.RunAsync(Yaml.Playbook(Yaml.OpenHome, """
            - id: page
              type: perspective.screenshot
            - id: full
              type: perspective.screenshot
              parameters: { name: overview-full, full_page: true }
            - id: element
              type: perspective.screenshot
              parameters: { name: status.png, component_path: "C:0" }
            """));
        Expect.Completed(status, run);
        foreach (var (step, name) in new[] { ("page", "page.png"), ("full", "overview-full.png"), ("element", "status.png") })
        {
            Assert.Equal(name, run.Output(step, "artifact"));
            var artifact = run.Artifact(name);
            Assert.Equal("image/png", artifact.ContentType);
            Expect.IsPng(artifact.Path);
            Assert.Equal(artifact.Size, run.Output(step, "size"));
        }
        Assert.True(run.Artifact("status.png").Size < run.Artifact("page.png").Size, "the element screenshot is not smaller than the page");
    }

    [Fact]
    public async Task Bad_locator_parameters_are_reported_by_name()
    {
        var (status, run) = await _h.RunAsync(Yaml.Playbook(Yaml.OpenHome, """
            - id: click
              type: perspective.click
              parameters: { role: not-a-role }
            """));
        Assert.Equal(ExecutionStatus.Failed, status);
        Expect.FailedWith(run, "click", "'not-a-role' is not an ARIA role");
    }

    [Fact]
    public async Task A_selector_with_a_syntax_error_fails_verify_at_once_instead_of_retrying()
    {
        var clock = Stopwatch.StartNew();
        var (status, run) = await _h.RunAsync(Yaml.Playbook(Yaml.OpenHome, """
            - id: check
              type: perspective.verify
              parameters: { selector: "div[data-component=", check: visible, timeout: 3600 }
            """));
        Assert.Equal(ExecutionStatus.Failed, status);
        Expect.FailedWith(run, "check", "invalid selector");
        // retrying would last the step's one-hour timeout; failing at once ends long before, however busy the machine is
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(30), $"verify retried a selector that can never work ({clock.Elapsed})");
    }

    private static void AssertCaptured(RecordingRun run, string step)
    {
        var screenshot = (string)run.Output(step, "failure_screenshot")!;
        var html = (string)run.Output(step, "failure_html")!;
        Assert.Equal($"{step}-failure.png", screenshot);
        Assert.Equal($"{step}-failure.html", html);
        Expect.IsPng(run.Artifact(screenshot).Path);
        Assert.Contains("<html", File.ReadAllText(run.Artifact(html).Path), StringComparison.OrdinalIgnoreCase);
    }
}
