using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.Testing.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Plugins.Perspective.Tests;

/// <summary>How the v4/v5 browser, perspective, fat and designer steps validate (no browser): parameter mapping, the
/// seconds-under-1000 timeout rule and its warnings, declared outputs, designer.* refused, the v5 reference playbooks.</summary>
[Trait("Category", "Unit")]
public sealed class V5ValidationTests
{
    private readonly EngineHarness _engine = new(new ServiceCollection().AddLogging().AddPerspectiveStepSchemas().BuildServiceProvider());

    private PlaybookLoadResult Load(string steps) => _engine.Loader.Load($"""
        name: v5
        version: "1.0"
        steps:
        {steps}
        """, "v5.yaml");

    private IReadOnlyDictionary<string, object?> Parameters(string steps, int index = 0)
    {
        var loaded = Load(steps);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics));
        return loaded.Playbook!.Steps[index].Parameters;
    }

    [Theory]
    [InlineData("browser.navigate", "url: http://gw", 30L, 30.0, true)]
    [InlineData("browser.navigate", "url: http://gw", 60L, 60.0, true)]
    [InlineData("browser.navigate", "url: http://gw", 30000L, 30.0, false)]
    [InlineData("browser.click", "selector: '#b'", 10000L, 10.0, false)]
    [InlineData("browser.verify_text", "{ selector: h1, text: x }", 999L, 999.0, true)]
    [InlineData("browser.wait", "selector: '#b'", 1000L, 1.0, false)]
    public void Browser_timeouts_under_1000_are_seconds_with_a_warning_naming_file_and_line(string type, string locator, long written, double seconds, bool warned)
    {
        var loaded = Load($"""
              - id: s
                type: {type}
                parameters:
                  {locator.Trim('{', '}').Trim().Replace(", ", "\n      ", StringComparison.Ordinal)}
                  timeout: {written}
            """);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics));
        Assert.Equal(seconds, loaded.Playbook!.Steps[0].Parameters["timeout"]);
        var warning = loaded.Warnings.SingleOrDefault(w => w.Field == "steps[0].parameters.timeout");
        Assert.Equal(warned, warning is not null);
        if (warning is null) return;
        Assert.Contains($"read as {written} seconds", warning.Message, StringComparison.Ordinal);
        Assert.StartsWith("v5.yaml:", warning.ToString(), StringComparison.Ordinal);
        Assert.Equal(8 + locator.Split(',').Length - 1, warning.Location.Line);
    }

    [Fact]
    public void A_templated_browser_timeout_is_read_at_run_time_as_timeout_ms()
    {
        var parameters = Parameters("""
              - { id: v, type: utility.set_variable, parameters: { name: t, value: 30 } }
              - { id: s, type: browser.click, parameters: { selector: "#b", timeout: "{{ variable.t }}" } }
            """, 1);
        Assert.Equal("{{ variable.t }}", parameters["timeout_ms"]);
        Assert.False(parameters.ContainsKey("timeout"));
    }

    [Theory]
    [InlineData("exact", "text_equals")]
    [InlineData("contains", "text_contains")]
    [InlineData("regex", "text_regex")]
    public void Verify_text_takes_text_as_the_expected_text_and_match_as_the_check(string match, string check)
    {
        var p = Parameters($$"""
              - { id: s, type: browser.verify_text, parameters: { selector: h1, text: "\\d{4}", match: {{match}}, timeout: 5000 } }
            """);
        Assert.Equal(check, p["check"]);
        Assert.Equal("\\d{4}", p["expected"]);
        Assert.False(p.ContainsKey("text"));
        Assert.Equal(5.0, p["timeout"]);
    }

    [Fact]
    public void Verify_text_with_an_unknown_match_is_an_error_at_its_line()
    {
        var loaded = Load("""
              - id: s
                type: browser.verify_text
                parameters: { selector: h1, text: x, match: fuzzy }
            """);
        var error = loaded.Errors.First();
        Assert.Contains("'match' must be one of exact, contains, regex, not 'fuzzy'", error.Message, StringComparison.Ordinal);
        Assert.Equal(6, error.Location.Line);
        Assert.All(loaded.Errors, e => Assert.Equal(6, e.Location.Line));
    }

    [Theory]
    [InlineData("value: status-ok", "attribute", "status-ok")]
    [InlineData("value: null", "attribute_absent", null)]
    [InlineData("value: ~", "attribute_absent", null)]
    [InlineData("timeout: 5000", "attribute_absent", null)]
    public void Verify_attribute_value_null_or_missing_means_absent(string extra, string check, string? expected)
    {
        var p = Parameters($$"""
              - { id: s, type: browser.verify_attribute, parameters: { selector: "#b", attribute: disabled, {{extra}} } }
            """);
        Assert.Equal(check, p["check"]);
        Assert.Equal(expected, p.GetValueOrDefault("expected"));
    }

    [Theory]
    [InlineData("browser.verify_state", "state: disabled", "disabled")]
    [InlineData("browser.verify_state", "state: Enabled", "enabled")]
    [InlineData("browser.verify", "state: visible", "visible")]
    [InlineData("browser.verify", "condition: exists", "exists")]
    [InlineData("browser.verify", "exists: false", "count")]
    public void Verify_state_and_condition_become_the_check(string type, string extra, string check) =>
        Assert.Equal(check, Parameters($$"""
              - { id: s, type: {{type}}, parameters: { selector: "#b", {{extra}} } }
            """)["check"]);

    [Fact]
    public void Navigate_wait_for_and_networkidle_click_force_and_retry_count_file_upload_file_path_are_accepted()
    {
        var loaded = Load("""
              - { id: a, type: browser.navigate, parameters: { url: "http://gw/x", wait_for: load, timeout: 30 } }
              - { id: b, type: browser.navigate, parameters: { url: "http://gw/y", wait_until: networkidle } }
              - { id: c, type: browser.click, parameters: { selector: "#b", force: true, retry_count: 3, timeout: 5000 } }
              - { id: d, type: browser.file_upload, parameters: { selector: "input", file_path: "a.modl", timeout: 30000 } }
              - { id: e, type: perspective.verify_dock_opened, parameters: { dock_selector: ".dock", timeout: 3000 } }
              - { id: f, type: browser.screenshot, parameters: { path: "shots/a.png", timeout: 10000 } }
            """);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics));
        var steps = loaded.Playbook!.Steps;
        Assert.Equal("load", steps[0].Parameters["wait_until"]);
        Assert.Contains(loaded.Warnings, w => w.Field == "steps[1].parameters.wait_until" && w.Message.Contains("never goes network-idle", StringComparison.Ordinal));
        Assert.Equal((true, 3L), ((bool)steps[2].Parameters["force"]!, (long)steps[2].Parameters["retries"]!));
        Assert.Equal("a.modl", steps[3].Parameters["file"]);
        Assert.Equal(("perspective.upload", "perspective.wait_for"), (steps[3].Type, steps[4].Type));
        Assert.Equal((".dock", 3.0), (steps[4].Parameters["selector"], steps[4].Parameters["timeout"]));
        Assert.Equal("a.png", steps[5].Parameters["name"]);
    }

    [Fact]
    public void Designer_steps_are_known_but_refused_with_a_clear_message()
    {
        var loaded = Load("""
              - id: launch
                type: designer.launch_shortcut
                parameters: { designer_shortcut: /opt/designer, project_name: P, username: admin, password: x, timeout: 60 }
            """);
        var error = Assert.Single(loaded.Errors);
        Assert.Equal(("steps[0].type", 5), (error.Field, error.Location.Line));
        Assert.Contains("desktop Java application", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown step type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discovery_outputs_are_declared_so_later_steps_can_use_them()
    {
        var loaded = Load("""
              - { id: d, type: perspective.discover_page, parameters: { selector: body, types: [] } }
              - { id: m, type: perspective.extract_component_metadata, parameters: { components: "{{ step.d.inventory }}" } }
              - { id: t, type: perspective.execute_test_manifest, parameters: { manifest: "{{ step.m.enriched_inventory }}" } }
              - { id: r, type: fat.generate_report, parameters: { test_results: { results: "{{ step.t.results }}", total: "{{ step.t.total }}" }, metadata: { project_name: P } } }
              - { id: x, type: fat.export_report, parameters: { report_id: "{{ step.r.report_id }}", output_path: out } }
              - { id: l, type: utility.log, parameters: { message: "{{ step.d.count }} {{ step.t.failed }} {{ step.r.pdf }} {{ step.x.artifact }}" } }
            """);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics));
    }

    [OriginalV5PlaybooksFact]
    public void The_v5_verification_examples_and_login_playbooks_validate_with_only_deprecation_and_conversion_warnings()
    {
        foreach (var file in new[] { "perspective/test_verification_examples.yaml", "gateway/gateway_login.yaml", "gateway/backup_gateway.yaml" })
        {
            var source = new FileSystemPlaybookSource(OriginalV5Playbooks.Folder!);
            var loaded = _engine.Loader.Load(OriginalV5Playbooks.Read(file), file, source);
            Assert.True(loaded.IsValid, file + "\n" + string.Join("\n", loaded.Diagnostics));
            Assert.All(loaded.Warnings, w => Assert.Matches("deprecated|read as|network-idle|unknown field '(domain|group|verified)'", w.Message));
        }
    }
}
