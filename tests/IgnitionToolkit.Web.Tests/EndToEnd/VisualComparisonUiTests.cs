using System.Net.Http.Json;
using IgnitionToolkit.GatewaySimulator.Hosting;
using IgnitionToolkit.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgnitionToolkit.Web.Tests.EndToEnd;

/// <summary>Visual checks in the UI, against the real API + Runner (Chromium) + Web and a gateway simulator's Perspective
/// screen: the first run's picture waits on the Baselines page and an operator approves it; a run after the test changed
/// the screen fails and its execution page shows actual / expected / diff side by side (a viewer sees them without the
/// approve button); approving there makes the new picture the baseline (the Baselines page shows who, and one earlier
/// baseline) and the next run passes.</summary>
[Trait("Category", "EndToEnd")]
[Collection(UiCollection.Name)]
public sealed class VisualComparisonUiTests(UiFixture ui)
{
    private const string PlaybookPath = "visual/ui_overview.yaml";

    /// <summary>The setpoint the test types changes the label C:5 ("Setpoint: …") and the field C:3: the page's content.</summary>
    private const string Playbook = """
        name: Overview looks as approved
        version: "1.0"
        parameters:
          - { name: gateway_url, type: string, required: true }
          - { name: setpoint, type: string, required: true }
        steps:
          - { id: open, name: Open, type: perspective.navigate, parameters: { gateway_url: "{{ parameter.gateway_url }}", project: Demo_HMI } }
          - { id: setpoint, name: Type the setpoint, type: perspective.fill, parameters: { component_path: "C:3", value: "{{ parameter.setpoint }}" } }
          - { id: apply, name: Apply, type: perspective.click, parameters: { component_path: "C:4" } }
          - id: applied
            name: Applied
            type: perspective.verify
            parameters: { component_path: "C:5", check: text_equals, expected: "Setpoint: {{ parameter.setpoint }}" }
          - { id: overview, name: Overview as approved, type: perspective.compare_screenshot }
        """;

    [Fact]
    public async Task A_changed_screen_shows_actual_expected_and_diff_side_by_side_and_approving_it_replaces_the_baseline()
    {
        await using var simulator = await SimulatorServer.StartAsync();
        var gatewayUrl = simulator.BaseAddress.ToString().TrimEnd('/');
        Directory.CreateDirectory(Path.Combine(ui.Stack.Library, "visual"));
        await File.WriteAllTextAsync(Path.Combine(ui.Stack.Library, PlaybookPath), Playbook);
        var (page, errors) = await ui.NewPageAsync();

        // first run: no baseline yet, its picture waits for approval on the Baselines page
        await RunAsync(gatewayUrl, "10", "completed");
        await UiFixture.OpenAsync(page, "baselines");
        var baseline = page.Locator($"[data-testid=baseline][data-playbook='{PlaybookPath}'][data-key='overview-1280x720']");
        await Expect(baseline).ToHaveAttributeAsync("data-pending", "true");
        await Expect(baseline.GetByTestId("baseline-pending-image")).ToHaveJSPropertyAsync("naturalWidth", 1280); // served through the Web
        await baseline.GetByTestId("approve-baseline").ClickAsync();
        await Expect(baseline).ToHaveAttributeAsync("data-approved-by", ToolkitStack.AdminUser);
        await Expect(baseline).ToHaveAttributeAsync("data-pending", "false");
        await Expect(baseline.GetByTestId("baseline-approved-image")).ToHaveJSPropertyAsync("naturalWidth", 1280);

        // the test changes the screen (another setpoint): the comparison fails with its three pictures side by side
        var failed = await RunAsync(gatewayUrl, "42.5", "failed");
        await AssertViewerSeesTheComparisonWithoutApprovalAsync(failed);
        await UiFixture.OpenAsync(page, $"executions/{failed}");
        var comparison = page.GetByTestId("screenshot-comparison");
        await Expect(comparison).ToHaveAttributeAsync("data-result", "failed");
        foreach (var picture in new[] { "comparison-actual", "comparison-expected", "comparison-diff" })
            await Expect(comparison.GetByTestId(picture)).ToHaveJSPropertyAsync("naturalWidth", 1280);
        await Expect(comparison.GetByTestId("comparison-percent")).ToContainTextAsync("% of pixels differ");
        Directory.CreateDirectory(UiFixture.ImagesDirectory);
        await comparison.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(UiFixture.ImagesDirectory, "visual-comparison-failed.png") });

        await comparison.GetByTestId("approve-comparison").ClickAsync();
        await Expect(comparison.GetByTestId("comparison-approved")).ToContainTextAsync($"Approved by {ToolkitStack.AdminUser}");

        // the Baselines page shows the approval and the earlier baseline; the next run of the changed screen passes
        await page.GetByTestId("nav-baselines").ClickAsync();
        await Expect(baseline).ToHaveAttributeAsync("data-pending", "false");
        await Expect(baseline.GetByTestId("baseline-history-count")).ToContainTextAsync("1 earlier baseline");
        await baseline.GetByTestId("baseline-history").Locator("summary").ClickAsync();
        await Expect(baseline.GetByTestId("baseline-history-image")).ToHaveJSPropertyAsync("naturalWidth", 1280); // the first approved picture
        await Expect(baseline.GetByTestId("baseline-history")).ToContainTextAsync(ToolkitStack.AdminUser);
        await Expect(baseline.GetByTestId("baseline-approved-image")).ToHaveJSPropertyAsync("naturalWidth", 1280);
        await ui.ScreenshotAsync(page, "baselines");
        var passed = await RunAsync(gatewayUrl, "42.5", "completed");
        var execution = await ui.Stack.GetExecutionAsync(passed);
        var step = execution["steps"]!.AsArray().Single(s => s!["step_path"]!.GetValue<string>() == "overview")!;
        Assert.Equal("passed", step["outputs"]!["result"]!.GetValue<string>());
        Assert.Empty(errors);
    }

    private async Task<Guid> RunAsync(string gatewayUrl, string setpoint, string status)
    {
        var id = await ui.Stack.StartExecutionAsync(PlaybookPath, new { gateway_url = gatewayUrl, setpoint });
        await ui.Stack.WaitForAsync(id, e => ToolkitStack.Status(e) is "completed" or "failed" or "cancelled" or "interrupted", timeoutSeconds: 600);
        var execution = await ui.Stack.GetExecutionAsync(id);
        Assert.True(ToolkitStack.Status(execution) == status, execution.ToJsonString());
        return id;
    }

    /// <summary>A viewer sees the comparison of the failed execution but no way to approve it (the API refuses it too).</summary>
    private async Task AssertViewerSeesTheComparisonWithoutApprovalAsync(Guid failed)
    {
        var name = "viewer-" + Guid.NewGuid().ToString("N")[..6];
        using (var created = await ui.Stack.Http.PostAsJsonAsync("api/v1/users", new { username = name, password = "viewer-password", role = "viewer" }))
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var (page, _) = await ui.NewPageAsync(signedIn: false);
        try
        {
            await UiFixture.SignInAsync(page, name, "viewer-password", $"/executions/{failed}");
            var comparison = page.GetByTestId("screenshot-comparison");
            await Expect(comparison.GetByTestId("comparison-diff")).ToHaveJSPropertyAsync("naturalWidth", 1280);
            await Expect(comparison.GetByTestId("approve-comparison")).ToHaveCountAsync(0);
        }
        finally { await page.Context.CloseAsync(); }
    }
}
