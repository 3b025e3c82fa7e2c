using IgnitionToolkit.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgnitionToolkit.Web.Tests.EndToEnd;

/// <summary>Edit while paused from the debug panel ("Edit remaining steps"), against the real API + Runner + Web.</summary>
[Trait("Category", "EndToEnd")]
[Collection(UiCollection.Name)]
public sealed class PendingStepsEditUiTests(UiFixture ui)
{
    [Fact]
    public async Task The_remaining_steps_are_edited_in_the_debug_panel_and_the_new_step_runs_on_resume()
    {
        await File.WriteAllTextAsync(Path.Combine(ui.Stack.Library, "debug", "edit_steps_demo.yaml"), TestPlaybooks.FailingWait);
        var (page, errors) = await ui.NewPageAsync();
        var id = await ui.Stack.StartExecutionAsync("debug/edit_steps_demo.yaml", debug: true);
        await UiFixture.OpenAsync(page, $"executions/{id}");
        var status = page.GetByTestId("execution-status");
        await Expect(page.Locator("[data-testid=step][data-step='nap']")).ToHaveAttributeAsync("data-status", "failed");
        await Expect(status).ToHaveAttributeAsync("data-status", "paused");

        var pending = page.GetByTestId("pending-steps");
        await pending.GetByTestId("edit-pending-steps").ClickAsync();
        var yaml = pending.GetByTestId("yaml-input");
        await Expect(yaml).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^- id: nap"));

        // an unknown step type is refused and marked at its line in the editor
        await yaml.FillAsync("- id: nap\n  type: utility.wait\n  parameters:\n    seconds: 0\n- id: added\n  type: utility.nonsense\n");
        await pending.GetByTestId("apply-pending-steps").ClickAsync();
        await Expect(pending.GetByTestId("diagnostics")).ToContainTextAsync("utility.nonsense");
        await Expect(pending.Locator(".gutter-error[data-line='6']")).ToBeVisibleAsync();
        await ui.ScreenshotAsync(page, "debug-edit-remaining-steps");

        await yaml.FillAsync("- id: nap\n  type: utility.wait\n  parameters:\n    seconds: 0\n- id: added\n  type: utility.log\n  parameters:\n    message: added while paused\n" +
            "- id: also\n  type: utility.log\n  parameters:\n    message: also added\n");
        await pending.GetByTestId("apply-pending-steps").ClickAsync();
        await Expect(pending.GetByTestId("edit-pending-steps")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("2 more step(s) to run"); // 'nap' shown, 'added' and 'also' to come
        await Expect(status).ToHaveAttributeAsync("data-status", "paused");

        await page.GetByTestId("resume").ClickAsync(); // runs the edited 'nap', then debug mode pauses before 'added'
        await Expect(page.Locator("[data-testid=step][data-step='nap']")).ToHaveAttributeAsync("data-status", "completed");
        await Expect(status).ToHaveAttributeAsync("data-status", "paused");
        await page.GetByTestId("resume").ClickAsync();
        await Expect(page.Locator("[data-testid=step][data-step='added']")).ToHaveAttributeAsync("data-status", "completed");
        await Expect(status).ToHaveAttributeAsync("data-status", "paused");
        await page.GetByTestId("resume").ClickAsync();
        await Expect(status).ToHaveAttributeAsync("data-status", "completed");
        await Expect(page.Locator("[data-testid=step][data-step='also']")).ToHaveAttributeAsync("data-status", "completed");
        await Expect(page.Locator("[data-testid=step][data-step='added']")).ToHaveAttributeAsync("data-status", "completed");
        await Expect(page.Locator("[data-testid=step][data-step='done']")).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }
}
