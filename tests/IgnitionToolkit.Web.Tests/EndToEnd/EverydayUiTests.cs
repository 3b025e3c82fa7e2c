using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgnitionToolkit.Web.Tests.EndToEnd;

/// <summary>Issue 13's everyday UI: the global credential, per-run timeouts, the audit page, multi-select delete and
/// the execution page's keyboard shortcuts, in the browser against the real API + Runner + Web.</summary>
[Trait("Category", "EndToEnd")]
[Collection(UiCollection.Name)]
public sealed partial class EverydayUiTests(UiFixture ui)
{
    [Fact]
    public async Task The_global_credential_chosen_in_the_header_fills_a_run_and_stays_across_reloads()
    {
        using (var created = await ui.Stack.Http.PostAsJsonAsync("api/v1/credentials", new
        {
            name = "everyday-gw", kind = "gateway_login",
            fields = new Dictionary<string, string> { ["gateway_url"] = "http://everyday.example:8088", ["username"] = "everyday-user", ["password"] = "everyday-s3cret" },
        }))
        {
            Assert.True(created.IsSuccessStatusCode || created.StatusCode == HttpStatusCode.Conflict, await created.Content.ReadAsStringAsync());
        }
        // The names v2/v5 playbooks used: url, user, gateway_password; and a credential parameter left empty.
        await File.WriteAllTextAsync(Path.Combine(ui.Stack.Library, "everyday-credential.yaml"), """
            name: Everyday Credential
            version: "1.0"
            parameters:
              - { name: url, type: string, required: true }
              - { name: user, type: string, required: true }
              - { name: gateway_password, type: string, required: true }
              - { name: login, type: credential, required: false }
            steps:
              - { id: say, type: utility.log, parameters: { message: "{{ parameter.user }} at {{ parameter.url }}" } }
            """);
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, "playbooks/view/everyday-credential.yaml");
        await page.GetByTestId("global-credential").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "everyday-gw" }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);

        await Expect(page.GetByTestId("global-credential-chosen")).ToHaveAttributeAsync("data-chosen", "everyday-gw");
        await page.ReloadAsync(); // kept in this browser for this user
        await Expect(page.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(page.GetByTestId("global-credential-chosen")).ToHaveAttributeAsync("data-chosen", "everyday-gw");
        await page.GetByTestId("run").ClickAsync();
        var fills = page.GetByTestId("credential-fills");
        await Expect(fills).ToContainTextAsync("The global credential everyday-gw");
        foreach (var name in new[] { "url", "user", "gateway_password", "login" }) await Expect(page.GetByTestId($"fills-{name}")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("fills-gateway_password")).ToContainTextAsync("secret");
        await ui.ScreenshotAsync(page, "global-credential");
        await page.GetByTestId("run-start").ClickAsync();

        await Expect(page).ToHaveURLAsync(ExecutionUrl());
        await Expect(page.GetByTestId("execution-status")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 180_000 });
        await Expect(page.GetByTestId("execution-parameter-url")).ToContainTextAsync("http://everyday.example:8088");
        await Expect(page.GetByTestId("execution-parameter-user")).ToContainTextAsync("everyday-user");
        await Expect(page.GetByTestId("execution-parameter-gateway_password")).ToContainTextAsync("***");
        await Expect(page.GetByTestId("execution-parameter-login")).ToContainTextAsync("everyday-gw");
        await Expect(page.GetByTestId("log")).ToContainTextAsync("everyday-user at http://everyday.example:8088");
        Assert.DoesNotContain("everyday-s3cret", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Timeouts_set_in_the_run_dialog_are_kept_with_the_execution()
    {
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, "playbooks/view/utility/hello_world.yaml");
        await page.GetByTestId("run").ClickAsync();
        await page.GetByTestId("timeout-settings").ClickAsync();
        await page.Locator("[data-testid=timeout-gateway_restart] input, input[data-testid=timeout-gateway_restart]").FillAsync("45");
        await page.Locator("[data-testid=timeout-module_install] input, input[data-testid=timeout-module_install]").FillAsync("900");
        await ui.ScreenshotAsync(page, "run-dialog-timeouts");
        await page.GetByTestId("run-start").ClickAsync();

        await Expect(page).ToHaveURLAsync(ExecutionUrl());
        await Expect(page.GetByTestId("execution-timeouts")).ToContainTextAsync("gateway restart 45 s");
        await Expect(page.GetByTestId("execution-timeouts")).ToContainTextAsync("module install 900 s");
        var id = Guid.Parse(ExecutionUrl().Match(page.Url).Groups[1].Value);
        var stored = await ui.Stack.GetExecutionAsync(id);
        Assert.Equal(45, stored["execution"]!["timeout_overrides"]!["gateway_restart"]!.GetValue<double>());
        await ui.Stack.WaitForStatusAsync(id, "completed", timeoutSeconds: 180);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_audit_page_filters_by_action_and_user()
    {
        var id = await ui.Stack.StartExecutionAsync("utility/hello_world.yaml");
        await ui.Stack.WaitForStatusAsync(id, "completed", timeoutSeconds: 180);
        using (var pinned = await ui.Stack.Http.PostAsync($"api/v1/executions/{id}/pin", null)) pinned.EnsureSuccessStatusCode();
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, "audit");
        await Expect(page.GetByTestId("audit-table")).ToContainTextAsync("execution.pinned");

        await page.GetByTestId("audit-action-filter").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "execution.pinned" }).First.ClickAsync();
        var pins = JsonNode.Parse(await ui.Stack.Http.GetStringAsync("api/v1/audit?action=execution.pinned&pageSize=1"))!["total_count"]!.GetValue<int>();
        await Expect(page.GetByTestId("audit-total")).ToHaveTextAsync(pins == 1 ? "1 entry" : $"{pins} entries"); // the filtered list has arrived
        var actions = await page.Locator("[data-testid=audit-row-action]").AllInnerTextsAsync();
        Assert.All(actions, a => Assert.Equal("execution.pinned", a.Trim()));
        await Expect(page.GetByTestId("audit-table").Locator("tr", new() { HasText = id.ToString() }).First).ToContainTextAsync("execution.pinned");
        await ui.ScreenshotAsync(page, "audit");

        await page.Locator("[data-testid=audit-user-filter] input, input[data-testid=audit-user-filter]").FillAsync("nobody-at-all");
        await Expect(page.GetByTestId("audit-table")).ToContainTextAsync("No audit entries match.");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Selected_executions_are_deleted_together_and_a_running_one_is_refused()
    {
        var first = await ui.Stack.StartExecutionAsync("utility/hello_world.yaml");
        var second = await ui.Stack.StartExecutionAsync("utility/hello_world.yaml");
        await ui.Stack.WaitForStatusAsync(first, "completed", timeoutSeconds: 180);
        await ui.Stack.WaitForStatusAsync(second, "completed", timeoutSeconds: 180);
        var paused = await ui.Stack.StartExecutionAsync("utility/hello_world.yaml", debug: true);
        await ui.Stack.WaitForStatusAsync(paused, "paused", timeoutSeconds: 180);
        try
        {
            using (var refused = await ui.Stack.Http.PostAsJsonAsync("api/v1/executions/delete", new { ids = new[] { first, paused } }))
            {
                Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
                Assert.Contains($"{paused} is paused", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            Assert.Equal("completed", ToolkitStatus(await ui.Stack.GetExecutionAsync(first))); // nothing was deleted

            var (page, errors) = await ui.NewPageAsync();
            await UiFixture.OpenAsync(page, "executions");
            foreach (var id in new[] { first, second }) await page.GetByTestId($"select-{id}").ClickAsync();
            await Expect(page.GetByTestId("delete-selected")).ToContainTextAsync("Delete selected (2)");
            await page.GetByTestId("delete-selected").ClickAsync();
            await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();

            await Expect(page.GetByTestId($"select-{first}")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId($"select-{second}")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId($"select-{paused}")).ToBeVisibleAsync();
            foreach (var id in new[] { first, second })
            {
                using var gone = await ui.Stack.Http.GetAsync($"api/v1/executions/{id}");
                Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
            }
            Assert.Empty(errors);
        }
        finally
        {
            await CancelQuietlyAsync(paused);
        }
    }

    [Fact]
    public async Task Keyboard_shortcuts_resume_a_paused_execution_and_question_mark_shows_them()
    {
        var id = await ui.Stack.StartExecutionAsync("utility/hello_world.yaml", debug: true);
        await ui.Stack.WaitForStatusAsync(id, "paused", timeoutSeconds: 180);
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, $"executions/{id}");
        await Expect(page.GetByTestId("execution-status")).ToHaveAttributeAsync("data-status", "paused");
        await Expect(page.GetByTestId("shortcuts-button")).ToHaveAttributeAsync("data-shortcuts", "on"); // the page listens to keys
        var finishedBefore = CompletedSteps(await ui.Stack.GetExecutionAsync(id));

        await page.Keyboard.PressAsync("?");
        var help = page.Locator(".mud-dialog", new() { HasText = "Keyboard shortcuts" });
        await Expect(help).ToContainTextAsync("Resume");
        await ui.ScreenshotAsync(page, "execution-shortcuts");
        await page.GetByTestId("shortcuts-close").ClickAsync();
        await Expect(help).ToHaveCountAsync(0);

        await page.Keyboard.PressAsync("r"); // debug mode: the next step runs, then the execution pauses again
        await ui.Stack.WaitForAsync(id, e => CompletedSteps(e) > finishedBefore, timeoutSeconds: 180);
        await CancelQuietlyAsync(id);
        Assert.Empty(errors);
    }

    /// <summary>Cancels an execution this test left paused; one that has ended meanwhile needs nothing.</summary>
    private async Task CancelQuietlyAsync(Guid id)
    {
        using var _ = await ui.Stack.Http.PostAsync($"api/v1/executions/{id}/cancel", null);
    }

    private static int CompletedSteps(JsonNode execution) =>
        execution["steps"]!.AsArray().Count(s => s!["status"]!.GetValue<string>() == "completed");

    private static string ToolkitStatus(JsonNode execution) => execution["execution"]!["status"]!.GetValue<string>();

    [GeneratedRegex("executions/([0-9a-f-]{36})$")]
    private static partial Regex ExecutionUrl();
}
