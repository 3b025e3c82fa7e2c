using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Plugins.Perspective.Tests.Infrastructure;
using IgnitionToolkit.Testing.Engine;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Plugins.Perspective.Tests;

/// <summary>The v4/v5 browser and perspective steps in real headless Chromium on the simulator's dashboard page.</summary>
[Trait("Category", "Functional")]
public sealed class V5StepTests : IAsyncLifetime
{
    private const string OpenDashboard = """
        - id: open
          type: browser.navigate
          parameters: { url: "{{ parameter.gateway_url }}/data/perspective/client/Demo_HMI/dashboard", wait_until: networkidle, timeout: 30 }
        """;

    private PerspectiveHarness _h = null!;

    public async Task InitializeAsync() => _h = await PerspectiveHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Text_regex_enabled_disabled_and_absent_attribute_checks_follow_state_changes()
    {
        var (status, run) = await _h.RunAsync(Yaml.Playbook(OpenDashboard, """
            - { id: regex, type: perspective.verify, parameters: { selector: .timestamp, check: text_regex, expected: "\\d{4}-\\d{2}-\\d{2}" } }
            - { id: locked, type: browser.verify_state, parameters: { selector: "#locked-button", state: disabled, timeout: 5000 } }
            - { id: unlock, type: browser.click, parameters: { selector: "#unlock-button" } }
            - { id: unlocked, type: perspective.verify, parameters: { selector: "#locked-button", check: enabled } }
            - { id: no_disabled, type: browser.verify_attribute, parameters: { selector: "#locked-button", attribute: disabled, value: null } }
            - { id: alarm, type: browser.click, parameters: { selector: "#action-button", force: true, retry_count: 2 } }
            - { id: alarm_class, type: browser.verify_attribute, parameters: { selector: "#status-indicator", attribute: class, value: status-alarm } }
            - { id: hidden, type: browser.verify_state, parameters: { selector: .hidden-note, state: hidden } }
            - { id: wrong, type: perspective.verify, parameters: { selector: .page-title, check: text_regex, expected: "^Dash$", timeout: 0.3 }, on_failure: continue }
            """));
        Expect.Completed(status, run);
        Assert.Equal(StepStatus.Completed, run.Step("regex").Status);
        Assert.Equal("enabled", run.Output("unlocked", "actual"));
        var error = Expect.FailedWith(run, "wrong", "to match /^Dash$/");
        Assert.Contains("'Dashboard'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keyboard_presses_keys_and_types_text_and_upload_sets_a_file_relative_to_the_playbook()
    {
        var folder = Directory.CreateTempSubdirectory("v5-upload-").FullName;
        await File.WriteAllBytesAsync(Path.Combine(folder, "Test-Module.modl"), new byte[1234]);
        var yaml = Yaml.Playbook(OpenDashboard, """
            - { id: select, type: browser.keyboard, parameters: { selector: "#setpoint-value", key: "Control+A" } }
            - { id: type, type: browser.keyboard, parameters: { text: "42" } }
            - { id: enter, type: perspective.keyboard, parameters: { key: Enter } }
            - { id: entered, type: perspective.verify, parameters: { selector: "#submit-result", check: text_equals, expected: Entered 42 } }
            - { id: upload, type: browser.file_upload, parameters: { selector: "#module-file", file_path: Test-Module.modl, timeout: 30000 } }
            - { id: uploaded, type: perspective.verify, parameters: { selector: "#upload-result", check: text_equals, expected: "Selected Test-Module.modl (1234 bytes)" } }
            - { id: bad_key, type: perspective.keyboard, parameters: { key: NoSuchKey }, on_failure: continue }
            """);
        try
        {
            var loaded = _h.Loader.Load(yaml, Path.Combine(folder, "upload.yaml"));
            Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics));
            var run = _h.Start(loaded.Playbook!);
            Expect.Completed(await run.CompletionAsync(120), run);
            Assert.Equal(1234L, run.Output("upload", "size"));
            Expect.FailedWith(run, "bad_key", "'NoSuchKey' is not a key name");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Discover_page_finds_components_in_the_page_and_in_shadow_roots()
    {
        var (status, run) = await _h.RunAsync(Yaml.Playbook(OpenDashboard, """
            - { id: all, type: perspective.discover_page, parameters: { selector: body, types: [] } }
            - { id: buttons, type: perspective.discover_page, parameters: { selector: .perspective-page, types: [button], exclude_selectors: [".main-panel"] } }
            - { id: meta, type: perspective.extract_component_metadata, parameters: { components: "{{ step.all.inventory }}" } }
            - { id: count, type: utility.log, parameters: { message: "found {{ step.all.count }}" } }
            - { id: missing, type: perspective.discover_page, parameters: { selector: "#nope" }, on_failure: continue }
            """));
        Expect.Completed(status, run);
        var inventory = ((List<object?>)run.Output("all", "inventory")!).Cast<IReadOnlyDictionary<string, object?>>().ToList();
        Assert.Equal((long)inventory.Count, run.Output("all", "count"));
        var reset = Assert.Single(inventory, c => (string?)c["id"] == "gauge-reset");
        Assert.Equal(("button", "#gauge-reset", "Reset gauge", "C:6:1", true), ((string?)reset["type"], (string?)reset["selector"],
            (string?)reset["label"], (string?)reset["componentPath"], (bool?)reset["inShadowRoot"]));
        var locked = Assert.Single(inventory, c => (string?)c["id"] == "locked-button");
        Assert.Equal((true, true), ((bool?)locked["disabled"], (bool?)locked["visible"]));
        var position = (IReadOnlyDictionary<string, object?>)locked["position"]!;
        Assert.True((long)position["width"]! > 0);
        Assert.Contains(inventory, c => (string?)c["type"] == "dropdown" && (string?)c["selector"] == "#mode");
        Assert.Contains(inventory, c => (string?)c["type"] == "link" && (string?)c["componentPath"] == "C:5");
        Assert.Contains(inventory, c => (string?)c["componentPath"] == "C:6:0" && (bool?)c["inShadowRoot"] == true);
        var buttons = ((List<object?>)run.Output("buttons", "inventory")!).Cast<IReadOnlyDictionary<string, object?>>().ToList();
        Assert.Equal(["gauge-reset"], buttons.Select(b => (string?)b["id"]));
        var enriched = ((List<object?>)run.Output("meta", "enriched_inventory")!).Cast<IReadOnlyDictionary<string, object?>>();
        var metadata = (IReadOnlyDictionary<string, object?>)enriched.Single(c => (string?)c["id"] == "gauge-reset")["metadata"]!;
        Assert.Equal(("high", true, true), ((string?)metadata["selector_reliability"], (bool?)metadata["has_id"], (bool?)metadata["is_perspective_component"]));
        Assert.Contains($"found {inventory.Count}", run.Logs);
        Expect.FailedWith(run, "missing", "root '#nope' not found");
    }

    [Fact]
    public async Task Selectors_found_by_discovery_work_in_later_steps_even_inside_shadow_roots()
    {
        var (status, run) = await _h.RunAsync(Yaml.Playbook(OpenDashboard, """
            - { id: d, type: perspective.discover_page, parameters: { types: [button] } }
            - id: tests
              type: perspective.execute_test_manifest
              parameters:
                manifest:
                  - { component_id: reset, action: click, selector: "#gauge-reset" }
                  - { component_id: setpoint, action: fill, selector: "#setpoint-value", value: "7" }
                  - { component_id: ghost, action: click, selector: "#no-such-button" }
                  - { component_id: toggle, action: click, selector: "#action-button" }
                return_to_baseline: false
            - { id: gauge, type: perspective.verify, parameters: { selector: .gauge-value, check: text_equals, expected: Gauge 0 } }
            - { id: nav, type: perspective.click, parameters: { selector: "#nav-docked" } }
            - { id: where, type: perspective.verify_navigation, parameters: { expected_url_pattern: /Demo_HMI/docked, expected_title_pattern: Docked } }
            - { id: menu, type: perspective.click, parameters: { component_path: "T[0]:1" } }
            - { id: dock, type: perspective.verify_dock_opened, parameters: { dock_selector: "[data-component-path='L[0]']", timeout: 3000 } }
            - { id: not_there, type: perspective.verify_navigation, parameters: { expected_title_pattern: Dashboard, timeout: 0.3 }, on_failure: continue }
            """));
        Expect.Completed(status, run);
        Assert.Equal((4L, 3L, 1L, 0L), ((long)run.Output("tests", "total")!, (long)run.Output("tests", "passed")!,
            (long)run.Output("tests", "failed")!, (long)run.Output("tests", "skipped")!));
        var results = ((List<object?>)run.Output("tests", "results")!).Cast<IReadOnlyDictionary<string, object?>>().ToList();
        Assert.Equal(["passed", "passed", "failed", "passed"], results.Select(r => (string?)r["status"]));
        Assert.Contains("#no-such-button", (string?)results[2]["error"], StringComparison.Ordinal);
        Assert.Equal(["test_ghost.png", "test_reset.png", "test_setpoint.png", "test_toggle.png"],
            run.Artifacts.Select(a => a.Name).Where(n => n.StartsWith("test_", StringComparison.Ordinal)).Order());
        Assert.Contains("/Demo_HMI/docked", (string?)run.Output("where", "url"), StringComparison.Ordinal);
        Expect.FailedWith(run, "not_there", "title containing 'Dashboard'");
    }
}
