using IgnitionToolkit.Contracts;
using IgnitionToolkit.FakeAiProvider;
using IgnitionToolkit.Plugins.Perspective.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IgnitionToolkit.Plugins.Perspective.Tests;

/// <summary><c>perspective.verify_with_ai</c> in real headless Chromium against the simulator's Demo_HMI page, with the AI
/// steps talking to a local fake provider over HTTP: the screenshot the step takes is the one the model receives, a
/// passing verdict passes, a failing one fails the step with the model's reasons, and a deployment with AI switched off
/// refuses the playbook when it is validated.</summary>
[Trait("Category", "Functional")]
public sealed class VerifyWithAiTests : IAsyncLifetime
{
    private FakeAiServer _ai = null!;

    public async Task InitializeAsync() => _ai = await FakeAiServer.StartAsync();

    public async Task DisposeAsync() => await _ai.DisposeAsync();

    private Task<PerspectiveHarness> HarnessAsync(bool aiEnabled = true)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Toolkit:Ai:Provider"] = "anthropic",
            ["Toolkit:Ai:Model"] = "test-model",
            ["Toolkit:Ai:Endpoint"] = _ai.BaseAddress.ToString(),
            ["Toolkit:Ai:TimeoutSeconds"] = "120",
            ["Toolkit:Ai:Enabled"] = aiEnabled ? "true" : "false",
        };
        return PerspectiveHarness.StartAsync(configure: services => services.AddAiSteps(k => settings.GetValueOrDefault(k)));
    }

    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Key =
        new Dictionary<string, IReadOnlyDictionary<string, string>> { ["ai"] = new Dictionary<string, string> { ["api_key"] = FakeAiServer.Key } };

    private static string Check(string extra = "") => Yaml.Playbook(Yaml.OpenHome, $$"""
        - id: look
          type: perspective.verify_with_ai
          parameters: { expected: "the overview shows the motor running", {{extra}} }
        """);

    [Fact]
    public async Task The_model_receives_the_screenshot_the_step_keeps_and_a_confident_pass_passes()
    {
        await using var h = await HarnessAsync();
        _ai.Answer("""{"pass": true, "confidence": 0.9, "reasons": ["the motor indicator is green"]}""");

        var (status, run) = await h.RunAsync(Check(), Key);

        Expect.Completed(status, run);
        Assert.Equal(true, run.Output("look", "passed"));
        Assert.Equal("the motor indicator is green", run.Output("look", "reason"));
        var shot = Assert.Single(run.Artifacts, a => a.Name == (string?)run.Output("look", "screenshot"));
        var png = await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(h.Engine.ArtifactRoot, shot.Name, SearchOption.AllDirectories)));
        var request = Assert.Single(_ai.Requests);
        Assert.Contains(Convert.ToBase64String(png), request.Body, StringComparison.Ordinal);
        Assert.Contains("the overview shows the motor running", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeAiServer.Key, string.Join("\n", run.Logs), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verdict_that_does_not_pass_fails_the_step_with_the_models_reasons()
    {
        await using var h = await HarnessAsync();
        _ai.Answer("""{"pass": false, "confidence": 0.8, "reasons": ["the motor indicator is red"]}""");

        var (status, run) = await h.RunAsync(Check(), Key);

        Assert.Equal(ExecutionStatus.Failed, status);
        var step = run.Step("look");
        Assert.Contains("the motor indicator is red", step.Error, StringComparison.Ordinal);
        Assert.Equal(false, run.Output("look", "passed"));
        Assert.NotNull(run.Output("look", "screenshot"));
    }

    [Fact]
    public async Task With_AI_switched_off_the_playbook_is_refused_when_validated()
    {
        await using var h = await HarnessAsync(aiEnabled: false);
        var loaded = h.Loader.Load(Check(), "look.yaml");

        Assert.False(loaded.IsValid);
        Assert.Contains(loaded.Errors, e => e.Message.Contains("Toolkit:Ai:Enabled is false", StringComparison.Ordinal));
        Assert.Empty(_ai.Requests);
    }
}
