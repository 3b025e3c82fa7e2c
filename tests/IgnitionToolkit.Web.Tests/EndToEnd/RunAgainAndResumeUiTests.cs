using System.Text.RegularExpressions;
using IgnitionToolkit.Testing;
using static Microsoft.Playwright.Assertions;

namespace IgnitionToolkit.Web.Tests.EndToEnd;

/// <summary>"Run again" and "Resume from…" on the execution page, in the browser against the real API + Runner + Web.</summary>
[Trait("Category", "EndToEnd")]
[Collection(UiCollection.Name)]
public sealed partial class RunAgainAndResumeUiTests(UiFixture ui)
{
    [Fact]
    public async Task Run_again_starts_a_new_execution_and_the_page_follows_it()
    {
        var id = await ui.Stack.StartExecutionAsync("utility/hello_world.yaml");
        await ui.Stack.WaitForStatusAsync(id, "completed", timeoutSeconds: 120);
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, $"executions/{id}");

        await page.GetByTestId("run-again").ClickAsync();

        await Expect(page).ToHaveURLAsync(NewExecution(id), new() { Timeout = 30_000 });
        var newId = Guid.Parse(ExecutionId().Match(page.Url).Groups[1].Value);
        await ui.Stack.WaitForStatusAsync(newId, "completed", timeoutSeconds: 120);
        await Expect(page.GetByTestId("execution-status")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 60_000 });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Resume_from_a_step_starts_there_with_the_earlier_variables_and_links_back()
    {
        var ready = Path.Combine(Path.GetTempPath(), $"itk-resume-ui-{Guid.NewGuid():N}.ready");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(ui.Stack.Library, "resume-ui.yaml"), $$$"""
                name: Resume UI
                version: "1.0"
                steps:
                  - { id: remember, type: utility.set_variable, parameters: { name: site, value: plant-a } }
                  - id: check
                    type: utility.python
                    parameters:
                      script: |
                        import os
                        if not os.path.exists(r"{{{ready}}}"):
                            raise Exception("not ready yet")
                  - { id: report, type: utility.log, parameters: { message: "site {{ variable.site }}" } }
                """);
            var id = await ui.Stack.StartExecutionAsync("resume-ui.yaml");
            await ui.Stack.WaitForStatusAsync(id, "failed", timeoutSeconds: 120);
            await File.WriteAllTextAsync(ready, "yes");
            var (page, errors) = await ui.NewPageAsync();
            await UiFixture.OpenAsync(page, $"executions/{id}");

            await page.GetByTestId("resume-from").ClickAsync();
            await Expect(page.GetByTestId("resume-from-check")).ToContainTextAsync("first not completed");
            await page.GetByTestId("resume-from-check").ClickAsync();

            await Expect(page).ToHaveURLAsync(NewExecution(id), new() { Timeout = 30_000 });
            var newId = Guid.Parse(ExecutionId().Match(page.Url).Groups[1].Value);
            var resumed = await ui.Stack.WaitForStatusAsync(newId, "completed", timeoutSeconds: 120);
            await Expect(page.GetByTestId("resumed-from")).ToContainTextAsync("at step 'check'");
            await Expect(page.GetByTestId("resumed-from").Locator($"a[href='executions/{id}']")).ToBeVisibleAsync();
            var steps = resumed["steps"]!.AsArray();
            Assert.Equal("skipped", steps.Single(s => s!["step_path"]!.GetValue<string>() == "remember")!["status"]!.GetValue<string>());
            Assert.Equal("site plant-a", steps.Single(s => s!["step_path"]!.GetValue<string>() == "report")!["outputs"]!["message"]!.GetValue<string>());
            Assert.Empty(errors);
        }
        finally
        {
            File.Delete(ready);
        }
    }

    private static Regex NewExecution(Guid old) => new($"executions/(?!{old})[0-9a-f-]{{36}}$");

    [GeneratedRegex("executions/([0-9a-f-]{36})$")]
    private static partial Regex ExecutionId();
}
