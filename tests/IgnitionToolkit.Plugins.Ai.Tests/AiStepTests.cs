using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Playbooks;
using Microsoft.Extensions.DependencyInjection;
using static IgnitionToolkit.Testing.Engine.Playbooks;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Plugins.Ai.Tests;

[Trait("Category", "Unit")]
public sealed class AiStepTests : IAsyncLifetime
{
    private FakeMessagesServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeMessagesServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private EngineHarness Harness(string? key = FakeMessagesServer.Key) =>
        new(new ServiceCollection().AddLogging().AddAiSteps(k => k switch
        {
            "Ai:ApiKey" => key,
            "Ai:BaseUrl" => _server.BaseAddress.ToString(),
            "Ai:Model" => "test-model",
            _ => null,
        }).BuildServiceProvider());

    [Fact]
    public async Task Generate_returns_the_models_text_and_sends_the_prompt_with_its_context()
    {
        _server.Answer("1. Open the login page\n2. Log in");
        var run = Harness().Start(Of(Step("gen", "ai.generate", new { prompt = "Write test steps", context = new Dictionary<string, object?> { ["platform"] = "Ignition" } })));

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal("1. Open the login page\n2. Log in", run.Output("gen", "text"));
        var request = Assert.Single(_server.Requests);
        Assert.Equal("test-model", request.GetProperty("model").GetString());
        var text = request.GetProperty("messages")[0].GetProperty("content")[0].GetProperty("text").GetString();
        Assert.Contains("Write test steps", text);
        Assert.Contains("Ignition", text);
    }

    [Fact]
    public async Task Validate_fails_the_step_when_the_model_says_the_result_does_not_pass()
    {
        _server.Answer("""{"pass": true, "reason": "the page shows RUNNING"}""", """Sure! {"pass": false, "reason": "the gateway is STARTING"}""");
        var harness = Harness();

        var pass = harness.Start(Of(Step("check", "ai.validate", new { expected = "gateway running", actual = "RUNNING" })));
        Assert.Equal(ExecutionStatus.Completed, await pass.CompletionAsync());
        Assert.Equal(true, pass.Output("check", "passed"));

        var fail = harness.Start(Of(Step("check", "ai.validate", new { expected = "gateway running", actual = "STARTING" })));
        Assert.Equal(ExecutionStatus.Failed, await fail.CompletionAsync());
        Assert.Contains("does not meet the expectation: the gateway is STARTING", fail.Step("check").Error);
        Assert.Equal(false, fail.Output("check", "passed"));
    }

    [Fact]
    public async Task Validate_can_report_a_mismatch_without_failing()
    {
        _server.Answer("""{"pass": false, "reason": "different"}""");
        var run = Harness().Start(Of(Step("check", "ai.validate", new { expected = "a", actual = "b", fail_on_mismatch = false })));

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.Equal("different", run.Output("check", "reason"));
    }

    [Fact]
    public async Task Assist_shows_the_screenshot_to_the_model()
    {
        var png = Path.Combine(Path.GetTempPath(), $"shot-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(png, [0x89, 0x50, 0x4E, 0x47]);
        try
        {
            _server.Answer("The screen shows an alarm table.");
            var run = Harness().Start(Of(Step("ask", "ai.assist", new { prompt = "What is on screen?", screenshot = png })));

            Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
            Assert.Equal("The screen shows an alarm table.", run.Output("ask", "answer"));
            var image = Assert.Single(_server.Requests).GetProperty("messages")[0].GetProperty("content")[0];
            Assert.Equal("image/png", image.GetProperty("source").GetProperty("media_type").GetString());
        }
        finally
        {
            File.Delete(png);
        }
    }

    [Theory]
    [InlineData(null, "AI assistance is not configured: set Ai__ApiKey")]
    [InlineData("wrong-key", "the AI service refused the API key")]
    public async Task Missing_or_wrong_configuration_fails_with_a_message_saying_what_to_set(string? key, string message)
    {
        var run = Harness(key).Start(Of(Step("gen", "ai.generate", new { prompt = "x" })));

        Assert.Equal(ExecutionStatus.Failed, await run.CompletionAsync());
        Assert.Contains(message, run.Step("gen").Error);
        Assert.DoesNotContain("wrong-key", string.Join("\n", run.Logs));
    }

    [OriginalPlaybooksFact]
    public async Task The_original_v2_ai_playbook_validates_and_runs()
    {
        var harness = Harness();
        var source = new FileSystemPlaybookSource(OriginalPlaybooks.Folder!);
        var playbook = harness.Load(source, "ai/ai_assisted_test.yaml");
        _server.Answer("steps", """{"pass": true, "reason": "fine"}""");

        var run = harness.Start(playbook);

        Assert.Equal(ExecutionStatus.Completed, await run.CompletionAsync());
        Assert.All(run.Finished, f => Assert.Equal(StepStatus.Completed, f.Status));
    }
}
