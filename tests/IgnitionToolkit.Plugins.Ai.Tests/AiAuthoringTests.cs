using System.Text.Json;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.FakeAiProvider;
using static IgnitionToolkit.Testing.Engine.Playbooks;

namespace IgnitionToolkit.Plugins.Ai.Tests;

[Trait("Category", "Unit")]
public sealed class AiAuthoringTests : IAsyncLifetime
{
    public const string ValidPlaybook = """
        Here is the playbook:
        ```yaml
        name: Gateway restart check
        version: "1.0"
        steps:
          - id: hello
            type: utility.log
            parameters:
              message: "checking the gateway"
        ```
        """;

    private const string UnknownStepPlaybook = """
        name: Gateway restart check
        version: "1.0"
        steps:
          - id: hello
            type: gateway.reboot_everything
            parameters: {}
        """;

    private FakeAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private EngineHarness Harness(string provider = "anthropic") => AiTestHost.Harness(AiTestHost.Settings(_server, provider));

    [Fact]
    public async Task Generate_repairs_an_invalid_playbook_with_the_validation_errors_and_saves_a_draft_it_does_not_run()
    {
        _server.Answer(UnknownStepPlaybook, ValidPlaybook);
        var run = Harness().Start(Of(Step("gen", "ai.generate", new { description = "Check a gateway after a restart", name = "restart_check" })),
            credentials: AiTestHost.KeyCredential());

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal(true, run.Output("gen", "valid"));
        Assert.Equal(2L, run.Output("gen", "attempts"));
        Assert.Equal("restart_check.draft.yaml", run.Output("gen", "draft"));
        var artifact = Assert.Single(run.Artifacts);
        Assert.Contains("name: Gateway restart check", await File.ReadAllTextAsync(artifact.Path));
        Assert.DoesNotContain(run.Finished, f => f.StepPath == "hello"); // a draft: never run

        var requests = _server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Contains("utility.log(", requests[0].Body); // the real step catalogue is in the prompt
        Assert.Contains("gateway.reboot_everything", requests[1].Body);
        Assert.Contains("does not validate", requests[1].Body);
        var usage = (IReadOnlyDictionary<string, object?>)run.Output("gen", "usage")!;
        Assert.Equal(240L, usage["input_tokens"]);
    }

    [Theory]
    [InlineData("anthropic")]
    [InlineData("openai")]
    public async Task Generate_stops_at_the_attempt_limit_and_fails_with_the_last_errors(string provider)
    {
        _server.Answer(UnknownStepPlaybook, "name: [unclosed");
        var run = Harness(provider).Start(Of(Step("gen", "ai.generate", new { prompt = "anything", max_attempts = 2 })),
            credentials: AiTestHost.KeyCredential());

        Assert.Equal(ExecutionStatus.Failed, await run.CompletionAsync());
        Assert.Contains("still does not validate after 2 attempt(s)", run.Step("gen").Error);
        Assert.Equal(false, run.Output("gen", "valid"));
        Assert.NotEmpty((IEnumerable<object?>)run.Output("gen", "errors")!);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Single(run.Artifacts); // the last draft is kept to look at
    }

    [Fact]
    public async Task Generate_test_cases_writes_a_manifest_of_inventory_selectors_for_execute_test_manifest()
    {
        var inventory = new List<object?>
        {
            Component("start-btn", "button", "#start-btn", "Start"),
            Component("setpoint", "input", "[data-component-path=\"root/setpoint\"]", "Setpoint"),
            Component("component-3", "link", "div > a:nth-child(2)", "Alarms"),
        };
        _server.Answer(
            """
            {"tests": [{"component_id": "start-btn", "action": "click", "selector": "#start-btn", "expected": "the pump starts"},
                       {"component_id": "ghost", "action": "click", "selector": "#ghost", "expected": "?"}]}
            """,
            """
            {"tests": [{"component_id": "start-btn", "action": "click", "selector": "#start-btn", "expected": "the pump starts"},
                       {"component_id": "setpoint", "action": "fill", "selector": "[data-component-path=\"root/setpoint\"]", "value": "42", "expected": "accepted"}]}
            """);

        var run = Harness("openai").Start(Of(Step("cases", "ai.generate_test_cases", new { inventory, focus = "the pump controls" })),
            credentials: AiTestHost.KeyCredential());

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal(2L, run.Output("cases", "count"));
        var manifest = Assert.IsType<List<object?>>(run.Output("cases", "manifest"));
        var fill = Assert.IsType<Dictionary<string, object?>>(manifest[1], exactMatch: false);
        Assert.Equal("fill", fill["action"]);
        Assert.Equal("42", fill["value"]);
        Assert.Equal("[data-component-path=\"root/setpoint\"]", fill["selector"]);
        var requests = _server.Requests.ToList();
        Assert.Contains("selector '#ghost' is not in the inventory", requests[1].Body);
        Assert.Contains("json_schema", requests[0].Body); // structured output
        var file = JsonDocument.Parse(await File.ReadAllTextAsync(Assert.Single(run.Artifacts).Path)).RootElement;
        Assert.Equal("start-btn", file[0].GetProperty("component_id").GetString());
    }

    private static Dictionary<string, object?> Component(string id, string type, string selector, string label) => new()
    {
        ["id"] = id, ["type"] = type, ["selector"] = selector, ["label"] = label, ["visible"] = true, ["disabled"] = false,
        ["cssPath"] = "html > body > " + id, ["position"] = new Dictionary<string, object?> { ["x"] = 1 },
    };
}
