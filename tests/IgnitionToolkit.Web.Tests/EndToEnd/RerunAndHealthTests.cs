using System.Text.RegularExpressions;
using IgnitionToolkit.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgnitionToolkit.Web.Tests.EndToEnd;

/// <summary>Edit-and-re-run from the debug panel and the Runner health chip, against the real API + Runner + Web.</summary>
[Trait("Category", "EndToEnd")]
[Collection(UiCollection.Name)]
public sealed partial class RerunAndHealthTests(UiFixture ui)
{
    [Fact]
    public async Task A_failed_step_is_edited_and_rerun_from_the_debug_panel_and_the_execution_completes()
    {
        await File.WriteAllTextAsync(Path.Combine(ui.Stack.Library, "debug", "rerun_demo.yaml"), TestPlaybooks.FailingWait);
        var (page, errors) = await ui.NewPageAsync();
        var id = await ui.Stack.StartExecutionAsync("debug/rerun_demo.yaml", debug: true);
        await UiFixture.OpenAsync(page, $"executions/{id}");
        var status = page.GetByTestId("execution-status");
        var nap = page.Locator("[data-testid=step][data-step='nap']");
        await Expect(nap).ToHaveAttributeAsync("data-status", "failed");
        await Expect(status).ToHaveAttributeAsync("data-status", "paused");
        var panel = page.GetByTestId("debug-panel");
        await Expect(panel).ToContainTextAsync("must be zero or more");

        var editor = page.Locator("[data-testid=rerun-parameters] textarea, textarea[data-testid=rerun-parameters]");
        await Expect(editor).ToHaveValueAsync(SecondsMinusOne());
        await editor.FillAsync("{ \"seconds\": \"soon\" }");
        await page.GetByTestId("rerun-step").ClickAsync();
        await Expect(page.GetByTestId("rerun-error")).ToContainTextAsync("parameter 'seconds' must be a number");
        await Expect(nap).ToHaveAttributeAsync("data-status", "failed");

        await editor.FillAsync("{ \"seconds\": 0 }");
        await page.GetByTestId("rerun-step").ClickAsync();
        await Expect(nap).ToHaveAttributeAsync("data-status", "completed");
        await Expect(nap).ToContainTextAsync("attempt 2");
        // Debug mode pauses again before the next step, as after any step; the panel shows the edited parameters.
        await Expect(status).ToHaveAttributeAsync("data-status", "paused");
        await Expect(panel).ToContainTextAsync("re-run completed");
        await Expect(page.GetByTestId("rerun-step-status")).ToHaveAttributeAsync("data-status", "completed");
        await Expect(editor).ToHaveValueAsync(SecondsZero());
        await ui.ScreenshotAsync(page, "debug-rerun");
        await page.GetByTestId("resume").ClickAsync();
        await Expect(status).ToHaveAttributeAsync("data-status", "completed");
        await Expect(page.Locator("[data-testid=step][data-step='done']")).ToHaveAttributeAsync("data-status", "completed");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_header_shows_the_runner_healthy()
    {
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, "playbooks");
        await Expect(page.GetByTestId("health-Runner")).ToHaveAttributeAsync("data-state", "Healthy");
        await Expect(page.GetByTestId("health-API")).ToHaveAttributeAsync("data-state", "Healthy");
        Assert.Empty(errors);
    }

    [GeneratedRegex("\"seconds\": -1")]
    private static partial Regex SecondsMinusOne();

    [GeneratedRegex("\"seconds\": 0")]
    private static partial Regex SecondsZero();
}
