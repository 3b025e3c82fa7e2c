using IgnitionToolkit.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgnitionToolkit.Web.Tests.EndToEnd;

/// <summary>What a user does in the browser against the real API + Runner + Web.</summary>
[Trait("Category", "EndToEnd")]
[Collection(UiCollection.Name)]
public sealed class BrowserTests(UiFixture ui)
{
    [Fact]
    public async Task Running_a_playbook_from_the_library_shows_its_steps_turn_green_live()
    {
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, "playbooks");
        var card = page.Locator("[data-testid=playbook-card][data-path='utility/wait_and_log.yaml']");
        await Expect(card).ToBeVisibleAsync();
        await ui.ScreenshotAsync(page, "playbooks");

        await card.GetByRole(AriaRole.Button, new() { Name = "Run Wait and Log" }).ClickAsync();
        await page.GetByTestId("run-cancel").ClickAsync();
        await Expect(page.Locator(".mud-dialog-container, .mud-overlay")).ToHaveCountAsync(0);
        await card.GetByRole(AriaRole.Button, new() { Name = "Run Wait and Log" }).ClickAsync();
        var seconds = page.Locator("[data-testid=param-seconds] input, input[data-testid=param-seconds]");
        await seconds.FillAsync("30"); // long enough to see the step running live on a very busy machine
        await ui.ScreenshotAsync(page, "run-dialog");
        await page.GetByTestId("run-start").ClickAsync();

        await page.WaitForURLAsync("**/executions/*");
        var wait = page.Locator("[data-testid=step][data-step='wait']");
        await Expect(wait).ToHaveAttributeAsync("data-status", "running"); // seen live, before the end
        await Expect(page.Locator("[data-testid=step][data-step='before']")).ToHaveAttributeAsync("data-status", "completed");
        await Expect(page.GetByTestId("execution-status")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 180_000 });
        await Expect(page.Locator("[data-testid=step][data-status=completed]")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("log")).ToContainTextAsync("Done waiting.");
        await ui.ScreenshotAsync(page, "execution-detail");

        await UiFixture.OpenAsync(page, "executions");
        await Expect(page.GetByTestId("executions-table")).ToContainTextAsync("Wait and Log");
        await ui.ScreenshotAsync(page, "executions");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Pause_resume_and_cancel_from_the_execution_page()
    {
        var (page, errors) = await ui.NewPageAsync();
        // the first step holds until released: "running" is there to see however slow the machine is
        var gate = new PlaybookGate(ui.Stack.Library);
        var id = await ui.Stack.StartExecutionAsync(gate.Playbook);
        await UiFixture.OpenAsync(page, $"executions/{id}");
        var status = page.GetByTestId("execution-status");
        await Expect(status).ToHaveAttributeAsync("data-status", "running", new() { Timeout = 120_000 });

        await page.GetByTestId("pause").ClickAsync();
        await Expect(page.GetByTestId("pause-requested")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await ui.Stack.WaitForRunnerToReceiveAsync(id, "pause"); // the step still runs when the pause arrives
        gate.Release(); // the pause takes effect at the step boundary
        await Expect(status).ToHaveAttributeAsync("data-status", "paused", new() { Timeout = 120_000 });
        await page.GetByTestId("resume").ClickAsync();
        await Expect(status).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 120_000 });

        var held = new PlaybookGate(ui.Stack.Library); // never released: only the cancel ends it
        var second = await ui.Stack.StartExecutionAsync(held.Playbook);
        await UiFixture.OpenAsync(page, $"executions/{second}");
        await Expect(page.Locator("[data-testid=step][data-step='hold']")).ToHaveAttributeAsync("data-status", "running", new() { Timeout = 120_000 });
        await page.GetByTestId("cancel").ClickAsync();
        await Expect(page.GetByTestId("execution-status")).ToHaveAttributeAsync("data-status", "cancelled", new() { Timeout = 120_000 });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Editing_a_playbook_shows_the_validation_error_at_its_line_and_saves_nothing()
    {
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, "playbooks/view/utility/hello_world.yaml");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Edit YAML" }).ClickAsync();
        const string broken = "name: Broken\nversion: \"1.0\"\nsteps:\n  - id: one\n    name: One\n    type: utility.no_such_step\n";
        await page.GetByTestId("yaml-input").FillAsync(broken);
        await page.GetByTestId("save").ClickAsync();

        await Expect(page.Locator(".yaml-gutter [data-line='6']")).ToHaveClassAsync("gutter-error");
        await Expect(page.GetByTestId("diagnostics")).ToContainTextAsync("line 6");
        await Expect(page.GetByTestId("validation-state")).ToHaveTextAsync("Has errors");
        await ui.ScreenshotAsync(page, "playbook-editor");
        var stored = await ui.Stack.Http.GetStringAsync("api/v1/playbooks/utility/hello_world.yaml");
        Assert.DoesNotContain("no_such_step", stored, StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Credentials_page_and_narrow_screen_are_usable()
    {
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, "credentials");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Credentials" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("credentials-missing").Or(page.GetByTestId("credentials-table"))).ToBeVisibleAsync();
        const string background = "() => getComputedStyle(document.querySelector('.mud-main-content') ?? document.body).getPropertyValue('--mud-palette-background').trim()";
        var light = await page.EvaluateAsync<string>(background);
        await page.GetByTestId("theme-toggle").ClickAsync();
        await page.WaitForFunctionAsync($"() => ({background})() !== '{light}'");
        await ui.ScreenshotAsync(page, "credentials-dark");
        if (await page.GetByTestId("credentials-table").IsVisibleAsync())
        {
            // With a vault: create a gateway login; the secret is write-only (never shown again).
            await page.GetByTestId("new-credential").ClickAsync();
            await Field(page, "cred-name").FillAsync("ui-gateway");
            await Field(page, "cred-gateway_url").FillAsync("http://gateway.example:8088");
            await Field(page, "cred-username").FillAsync("admin");
            await Field(page, "cred-password").FillAsync("s3cret-from-ui");
            await page.GetByTestId("cred-save").ClickAsync();
            var row = page.GetByTestId("credentials-table").Locator("tr", new() { HasText = "ui-gateway" });
            await Expect(row).ToContainTextAsync("password");
            await Expect(page.Locator(".mud-dialog-container, .mud-overlay")).ToHaveCountAsync(0); // the form closed after saving
            Assert.DoesNotContain("s3cret-from-ui", await page.ContentAsync(), StringComparison.Ordinal);

            // Editing shows what is edited: the gateway URL and user name as stored; the password stays write-only.
            await page.GetByRole(AriaRole.Button, new() { Name = "Edit ui-gateway" }).ClickAsync();
            await Expect(Field(page, "cred-gateway_url")).ToHaveValueAsync("http://gateway.example:8088");
            await Expect(Field(page, "cred-username")).ToHaveValueAsync("admin");
            await Expect(Field(page, "cred-password")).ToHaveValueAsync("");
            await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
            await Expect(page.Locator(".mud-dialog-container, .mud-overlay")).ToHaveCountAsync(0);
        }
        await ui.ScreenshotAsync(page, "credentials");

        var (narrow, narrowErrors) = await ui.NewPageAsync(390, 844);
        await UiFixture.OpenAsync(narrow, "playbooks");
        await Expect(narrow.Locator("[data-testid=playbook-card]").First).ToBeVisibleAsync();
        var overflow = await narrow.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the playbooks page scrolls sideways on a narrow screen");
        await ui.ScreenshotAsync(narrow, "playbooks-narrow");
        Assert.Empty(errors);
        Assert.Empty(narrowErrors);
    }

    [Fact]
    public async Task A_paused_debug_execution_shows_its_context_and_variables()
    {
        var (page, errors) = await ui.NewPageAsync();
        var id = await ui.Stack.StartExecutionAsync("debug/breakpoint_demo.yaml", debug: true);
        await UiFixture.OpenAsync(page, $"executions/{id}");
        var panel = page.GetByTestId("debug-panel");
        // Debug mode pauses after every step; the breakpoint (step 2) captures the context.
        for (var i = 0; i < 5 && !await panel.IsVisibleAsync(); i++)
            await ResumeToNextStopAsync(page, id);
        await Expect(panel).ToBeVisibleAsync();
        await Expect(panel).ToContainTextAsync("pause_here");
        await Expect(page.GetByTestId("debug-variables")).ToContainTextAsync("before breakpoint");
        await ui.ScreenshotAsync(page, "debug-panel");

        for (var i = 0; i < 5 && await page.GetByTestId("execution-status").GetAttributeAsync("data-status") != "completed"; i++)
            await ResumeToNextStopAsync(page, id);
        await Expect(page.GetByTestId("execution-status")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 20_000 });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_disabled_playbook_cannot_be_started_until_enabled_again()
    {
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, "playbooks/view/nested/child_greeting.yaml");
        var enabled = page.Locator("[data-testid=enabled-switch] input, input[data-testid=enabled-switch]");
        await enabled.ClickAsync();
        await Expect(page.GetByTestId("run")).ToBeDisabledAsync();
        using (var refused = await ui.Stack.Http.PostAsync("api/v1/executions", JsonContent("""{"playbook":"nested/child_greeting.yaml","parameters":{}}""")))
            Assert.Equal(System.Net.HttpStatusCode.Conflict, refused.StatusCode);

        await enabled.ClickAsync();
        await Expect(page.GetByTestId("run")).ToBeEnabledAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Browser_frames_from_the_bus_appear_in_the_live_browser_view()
    {
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, "playbooks");
        var jpeg = await page.ScreenshotAsync(new() { Type = ScreenshotType.Jpeg, Quality = 60 });
        var id = await ui.Stack.StartExecutionAsync(new PlaybookGate(ui.Stack.Library).Playbook); // held until cancelled
        await UiFixture.OpenAsync(page, $"executions/{id}");
        await Expect(page.Locator("[data-testid=step][data-step='hold']")).ToHaveAttributeAsync("data-status", "running");

        await using var frames = await FramePublisher.StartAsync(ui.Stack.BusPrefix);
        var view = page.GetByTestId("browser-view").Locator("img");
        for (var i = 0; i < 40 && !await view.IsVisibleAsync(); i++)
        {
            await frames.PublishAsync(id, jpeg, 1280, 800); // like a Runner: a frame about every half second
            try { await view.WaitForAsync(new() { Timeout = 500 }); } // the picture appears, or send another frame
            catch (TimeoutException) { }
        }
        await Expect(view).ToBeVisibleAsync();
        Assert.True(await view.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the frame is not a displayable picture");
        await ui.ScreenshotAsync(page, "live-browser-view");
        await ui.Stack.SendAsync(id, "cancel");
        await Expect(page.GetByTestId("execution-status")).ToHaveAttributeAsync("data-status", "cancelled", new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("browser-view")).ToHaveCountAsync(0); // the live picture ends with the run
        Assert.Empty(errors);
    }

    /// <summary>Clicks Resume and waits (API state, then page) until the execution stops again: paused or finished.</summary>
    private async Task ResumeToNextStopAsync(IPage page, Guid id)
    {
        var status = page.GetByTestId("execution-status");
        await Expect(status).ToHaveAttributeAsync("data-status", "paused", new() { Timeout = 20_000 });
        var before = (await ui.Stack.GetExecutionAsync(id))["execution"]!["last_sequence"]!.GetValue<long>();
        await page.GetByTestId("resume").ClickAsync();
        var after = await ui.Stack.WaitForAsync(id, e => e["execution"]!["last_sequence"]!.GetValue<long>() > before
            && Testing.ToolkitStack.Status(e) is "paused" or "completed", 20);
        await Expect(status).ToHaveAttributeAsync("data-status", Testing.ToolkitStack.Status(after), new() { Timeout = 20_000 });
    }

    /// <summary>The input of a MudBlazor field marked with <paramref name="testId"/>.</summary>
    private static ILocator Field(IPage page, string testId) => page.Locator($"[data-testid={testId}] input, input[data-testid={testId}]");

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
