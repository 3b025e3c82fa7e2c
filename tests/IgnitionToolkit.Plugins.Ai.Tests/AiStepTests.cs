using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using IgnitionToolkit.FakeAiProvider;
using static IgnitionToolkit.Testing.Engine.Playbooks;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Plugins.Ai.Tests;

[Trait("Category", "Unit")]
public sealed class AiStepTests : IAsyncLifetime
{
    private FakeAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private EngineHarness Harness(string provider = "anthropic", Action<Dictionary<string, string?>>? change = null)
    {
        var settings = AiTestHost.Settings(_server, provider);
        change?.Invoke(settings);
        return AiTestHost.Harness(settings);
    }

    [Theory]
    [InlineData("anthropic")]
    [InlineData("openai")]
    public async Task A_screenshot_verdict_sends_the_image_and_passes_on_a_confident_verdict(string provider)
    {
        var png = Path.Combine(Path.GetTempPath(), $"shot-{Guid.NewGuid():N}.png");
        byte[] image = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5, 6, 7, 8];
        await File.WriteAllBytesAsync(png, image);
        try
        {
            _server.Answer("""{"pass": true, "confidence": 0.92, "reasons": ["the alarm table shows 3 active alarms"]}""");
            var run = Harness(provider).Start(Of(Step("judge", "ai.validate", new { expected = "three active alarms", screenshot = png })),
                credentials: AiTestHost.KeyCredential());

            Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
            Assert.Equal(true, run.Output("judge", "passed"));
            Assert.Equal(0.92, run.Output("judge", "confidence"));
            Assert.Equal("the alarm table shows 3 active alarms", run.Output("judge", "reason"));
            var usage = Assert.IsType<Dictionary<string, object?>>(run.Output("judge", "usage"), exactMatch: false);
            Assert.Equal(150L, usage["total_tokens"]);
            Assert.Equal((120 * 3 + 30 * 15) / 1_000_000.0, (double)usage["estimated_cost_usd"]!, 9);

            var request = Assert.Single(_server.Requests);
            Assert.Equal(provider, request.Api);
            Assert.Contains(Convert.ToBase64String(image), request.Body);
            Assert.Contains("image/png", request.Body);
            Assert.Contains("three active alarms", request.Body);
        }
        finally
        {
            File.Delete(png);
        }
    }

    [Fact]
    public async Task A_passing_verdict_below_the_threshold_fails_the_step()
    {
        _server.Answer("""{"pass": true, "confidence": 0.55, "reasons": ["probably running"]}""");
        var run = Harness().Start(Of(Step("judge", "ai.validate", new { expected = "gateway running", actual = "RUNNING?", threshold = 0.8 })),
            credentials: AiTestHost.KeyCredential());

        Assert.Equal(ExecutionStatus.Failed, await run.CompletionAsync());
        Assert.Contains("not confident enough (0.55 < threshold 0.8)", run.Step("judge").Error);
        Assert.Equal(false, run.Output("judge", "passed"));
    }

    [Fact]
    public async Task A_failing_verdict_fails_the_step_unless_fail_on_mismatch_is_false()
    {
        _server.Answer("""{"pass": false, "confidence": 0.9, "reasons": ["the gateway is STARTING"]}""",
            """{"pass": false, "confidence": 0.9, "reasons": ["different"]}""");
        var harness = Harness("openai");

        var fail = harness.Start(Of(Step("check", "ai.validate", new { expected = "gateway running", actual = new { state = "STARTING" } })),
            credentials: AiTestHost.KeyCredential());
        Assert.Equal(ExecutionStatus.Failed, await fail.CompletionAsync());
        Assert.Contains("does not meet the expectation (fail with confidence 0.9): the gateway is STARTING", fail.Step("check").Error);

        var report = harness.Start(Of(Step("check", "ai.validate", new { expected = "a", actual = "b", fail_on_mismatch = false })),
            credentials: AiTestHost.KeyCredential());
        Assert.Equal(ExecutionStatus.Completed, await report.CompletionAsync());
        Assert.Equal("different", report.Output("check", "reason"));
        Assert.Contains("STARTING", _server.Requests.First().Body);
    }

    [Theory]
    [InlineData("Sure, it passes!", "the AI answer is not a verdict")]
    [InlineData(null, "sent an answer that cannot be read")]
    public async Task A_malformed_answer_fails_the_step_saying_so(string? text, string message)
    {
        _server.Answer(text is null ? FakeAnswer.NotJson() : FakeAnswer.Of(text));
        var run = Harness().Start(Of(Step("judge", "ai.validate", new { expected = "x", actual = "y" })), credentials: AiTestHost.KeyCredential());

        Assert.Equal(ExecutionStatus.Failed, await run.CompletionAsync());
        Assert.Contains(message, run.Step("judge").Error);
    }

    [Theory]
    [InlineData("anthropic")]
    [InlineData("openai")]
    public async Task A_provider_that_does_not_answer_gives_a_clear_timeout_error(string provider)
    {
        _server.Answer(FakeAnswer.Never());
        var run = Harness(provider, s => s["Toolkit:Ai:TimeoutSeconds"] = "1")
            .Start(Of(Step("ask", "ai.assist", new { prompt = "anything?" })), credentials: AiTestHost.KeyCredential());

        Assert.Equal(ExecutionStatus.Failed, await run.CompletionAsync());
        Assert.Contains($"the AI provider ({provider} model test-model at {(provider == "anthropic" ? _server.BaseAddress : new Uri(_server.BaseAddress, "v1/"))}) " +
            "did not answer within 1 s (Toolkit:Ai:TimeoutSeconds)", run.Step("ask").Error);
    }

    [Theory]
    [InlineData("anthropic")]
    [InlineData("openai")]
    public async Task A_wrong_key_is_reported_and_never_logged(string provider)
    {
        var run = Harness(provider).Start(Of(Step("ask", "ai.assist", new { prompt = "x" })), credentials: AiTestHost.KeyCredential("wrong-key-5521"));

        Assert.Equal(ExecutionStatus.Failed, await run.CompletionAsync());
        Assert.Contains("refused the API key (check the vault credential 'ai')", run.Step("ask").Error);
        Assert.DoesNotContain("wrong-key-5521", string.Join("\n", run.Logs) + run.Step("ask").Error);
    }

    [Fact]
    public async Task Without_a_provider_or_a_key_the_step_says_what_to_configure()
    {
        var unconfigured = AiTestHost.Harness([]).Start(Of(Step("gen", "ai.generate", new { prompt = "x", kind = "text" })));
        Assert.Equal(ExecutionStatus.Failed, await unconfigured.CompletionAsync());
        Assert.Contains("AI assistance is not configured: set Toolkit:Ai:Provider", unconfigured.Step("gen").Error);

        var keyless = Harness().Start(Of(Step("gen", "ai.generate", new { prompt = "x", kind = "text" })));
        Assert.Equal(ExecutionStatus.Failed, await keyless.CompletionAsync());
        Assert.Contains("no API key for anthropic model test-model", keyless.Step("gen").Error);
        Assert.Contains("vault credential named 'ai' of kind ai_provider", keyless.Step("gen").Error);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void Switched_off_AI_steps_are_refused_when_a_playbook_is_validated()
    {
        var harness = Harness(change: s => s["Toolkit:Ai:Enabled"] = "false");
        var result = harness.Loader.Load("name: x\nversion: '1'\nsteps:\n  - id: a\n    type: ai.assist\n    parameters: {prompt: hi}\n", "x.yaml");

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Message.Contains("Toolkit:Ai:Enabled is false", StringComparison.Ordinal));
    }

    [OriginalPlaybooksFact]
    public async Task The_original_v2_ai_playbook_validates_and_runs()
    {
        var harness = Harness();
        var playbook = harness.Load(new FileSystemPlaybookSource(OriginalPlaybooks.Folder!), "ai/ai_assisted_test.yaml");
        _server.Answer(AiAuthoringTests.ValidPlaybook, """{"pass": true, "confidence": 0.8, "reasons": ["fine"]}""");

        var run = harness.Start(playbook, credentials: AiTestHost.KeyCredential());

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.All(run.Finished, f => Assert.Equal(StepStatus.Completed, f.Status));
    }
}
