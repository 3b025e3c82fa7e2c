using System.Net.Http.Json;
using IgnitionToolkit.FakeAiProvider;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgnitionToolkit.Web.Tests.EndToEnd.Ai;

/// <summary>"Explain this failure" in the execution view, against the real API + Runner + Web and the fake provider.</summary>
[Trait("Category", "EndToEnd")]
public sealed class ExplainFailureTests(AiUiFixture ai) : IClassFixture<AiUiFixture>
{
    private const string PlantPassword = "Pl4nt-Secret-Pw-0912";

    private const string Playbook = """
        name: Pump check
        version: "1.0"
        steps:
          - id: connect
            type: utility.log
            parameters:
              message: "connecting with {{ credential.plant.password }}"
          - id: judge
            type: ai.validate
            parameters:
              expected: "the pump is running"
              actual: "RUNNING"
          - id: settle
            name: Settle
            type: utility.wait
            parameters:
              seconds: -1
        """;

    private const string Explanation = """
        {"summary": "The wait step was given a negative time.",
         "cause": "utility.wait refuses seconds: -1 (it must be zero or more).",
         "suggestion": "Wait a positive number of seconds, e.g. 1.",
         "step_yaml": "id: settle\nname: Settle\ntype: utility.wait\nparameters:\n  seconds: 1\n"}
        """;

    [Fact]
    public async Task A_failed_step_is_explained_with_a_proposed_change_applied_as_a_draft_and_nothing_secret_is_sent()
    {
        await CredentialAsync("ai", "ai_provider", new() { ["api_key"] = FakeAiServer.Key });
        await CredentialAsync("plant", "gateway_login", new() { ["username"] = "operator", ["password"] = PlantPassword });
        Directory.CreateDirectory(Path.Combine(ai.Stack.Library, "ai"));
        await File.WriteAllTextAsync(Path.Combine(ai.Stack.Library, "ai", "pump_check.yaml"), Playbook);
        ai.Provider.Answer("""{"pass": true, "confidence": 0.9, "reasons": ["RUNNING"]}""", Explanation, "Use 1 second: the pump needs a moment to settle.");

        var id = await ai.Stack.StartExecutionAsync("ai/pump_check.yaml");
        await ai.Stack.WaitForStatusAsync(id, "failed");
        var (page, errors) = await ai.NewPageAsync();
        await UiFixture.OpenAsync(page, $"executions/{id}");

        var panel = page.GetByTestId("ai-panel");
        await Expect(panel).ToBeVisibleAsync();
        await Expect(page.GetByTestId("ai-usage")).ToContainTextAsync("AI tokens: 120 in + 30 out"); // the ai.validate step, run by the Runner
        await page.GetByTestId("ai-explain").ClickAsync();
        var answer = page.Locator("[data-testid=ai-message][data-role=assistant]");
        await Expect(answer).ToContainTextAsync("The wait step was given a negative time.");
        await Expect(page.GetByTestId("ai-proposed-yaml")).ToContainTextAsync("seconds: 1");
        await Expect(page.GetByTestId("ai-usage")).ToContainTextAsync("AI tokens: 240 in + 60 out");
        await ai.ScreenshotAsync(page, panel, "ai-explain-panel");

        await page.GetByTestId("ai-apply-draft").ClickAsync();
        await Expect(page.GetByTestId("ai-draft-link").Or(page.GetByTestId("ai-error"))).ToBeVisibleAsync();
        Assert.Equal("", await page.GetByTestId("ai-error").CountAsync() > 0 ? await page.GetByTestId("ai-error").InnerTextAsync() : "");
        await Expect(page.GetByTestId("ai-draft-link")).ToContainTextAsync("ai/pump_check.ai-draft.yaml");
        var draft = await File.ReadAllTextAsync(Path.Combine(ai.Stack.Library, "ai", "pump_check.ai-draft.yaml"));
        Assert.Contains("seconds: 1", draft);
        Assert.Contains("connecting with {{ credential.plant.password }}", draft); // the rest of the file as it was
        Assert.Contains("seconds: -1", await File.ReadAllTextAsync(Path.Combine(ai.Stack.Library, "ai", "pump_check.yaml")));

        await page.Locator("[data-testid=ai-question] input, input[data-testid=ai-question]").FillAsync("How long should it wait?");
        await page.GetByTestId("ai-ask").ClickAsync();
        await Expect(answer.Nth(1)).ToContainTextAsync("Use 1 second");

        var requests = ai.Provider.Requests.ToList();
        Assert.Equal(3, requests.Count);
        var explain = requests[1].Body;
        Assert.Contains("must be zero or more", explain); // the step's error
        Assert.Contains("seconds: -1", explain); // the step as written
        Assert.Contains("connecting with ***", explain); // recent log lines, masked
        Assert.Contains("How long should it wait?", requests[2].Body);
        Assert.All(requests, r => Assert.DoesNotContain(PlantPassword, r.Body));
        Assert.Empty(errors);
    }

    private async Task CredentialAsync(string name, string kind, Dictionary<string, string?> fields)
    {
        using var response = await ai.Stack.Http.PostAsJsonAsync("/api/v1/credentials", new { name, kind, fields });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}

/// <summary>A deployment without AI shows nothing of it.</summary>
[Trait("Category", "EndToEnd")]
[Collection(UiCollection.Name)]
public sealed class AiSwitchedOffTests(UiFixture ui)
{
    [Fact]
    public async Task Without_an_AI_provider_the_execution_view_shows_no_AI_panel()
    {
        var id = await ui.Stack.StartExecutionAsync("utility/hello_world.yaml");
        await ui.Stack.WaitForStatusAsync(id, "completed");
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, $"executions/{id}");
        await Expect(page.GetByTestId("execution-status")).ToHaveAttributeAsync("data-status", "completed");

        await Expect(page.GetByTestId("ai-panel")).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }
}
