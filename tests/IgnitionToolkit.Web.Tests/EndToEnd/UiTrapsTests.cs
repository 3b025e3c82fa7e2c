using IgnitionToolkit.Testing;
using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgnitionToolkit.Web.Tests.EndToEnd;

/// <summary>The traps a new user met in the UI (issue 19), each checked where a user would notice it.</summary>
[Collection(UiCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class UiTrapsTests(UiFixture ui)
{
    [Fact]
    public async Task On_a_phone_the_menu_offers_account_and_sign_out_and_the_execution_page_does_not_scroll_sideways()
    {
        var id = await ui.Stack.StartExecutionAsync(new PlaybookGate(ui.Stack.Library).Playbook); // held until cancelled
        var (page, errors) = await ui.NewPageAsync(390, 844);
        await UiFixture.OpenAsync(page, $"executions/{id}");
        await Expect(page.Locator("[data-testid=step][data-step='hold']")).ToHaveAttributeAsync("data-status", "running");

        var cancel = page.GetByTestId("cancel");
        await Expect(cancel).ToBeInViewportAsync();
        await Expect(page.GetByTestId("skip-back")).ToBeInViewportAsync();
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"),
            "the execution page scrolls sideways at 390 px");
        await Expect(page.GetByTestId("theme-toggle")).ToBeInViewportAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        var drawer = page.GetByTestId("drawer-user");
        await Expect(drawer.GetByTestId("menu-account-link")).ToBeVisibleAsync();
        await Expect(drawer.GetByTestId("menu-sign-out")).ToBeVisibleAsync();
        await ui.ScreenshotAsync(page, "phone-menu");
        await ui.Stack.SendAsync(id, "cancel");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Notifications_appear_bottom_left_and_never_cover_the_execution_controls()
    {
        var id = await ui.Stack.StartExecutionAsync(new PlaybookGate(ui.Stack.Library).Playbook); // held until cancelled
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, $"executions/{id}");
        await Expect(page.Locator("[data-testid=step][data-step='hold']")).ToHaveAttributeAsync("data-status", "running");
        await page.GetByTestId("pause").ClickAsync();
        var snackbar = page.Locator(".mud-snackbar").First;
        await Expect(snackbar).ToBeVisibleAsync();
        var note = (await snackbar.BoundingBoxAsync())!;
        foreach (var control in new[] { "pause", "resume", "skip", "skip-back", "cancel" })
        {
            var box = (await page.GetByTestId(control).BoundingBoxAsync())!;
            var overlaps = note.X < box.X + box.Width && box.X < note.X + note.Width && note.Y < box.Y + box.Height && box.Y < note.Y + note.Height;
            Assert.False(overlaps, $"the notification covers the {control} button");
        }
        Assert.True(note.X < 640 && note.Y > 400, $"the notification is not at the bottom left: {note.X},{note.Y}");
        await page.GetByTestId("cancel").ClickAsync(); // clickable while the notification shows
        await Expect(page.GetByTestId("execution-status")).ToHaveAttributeAsync("data-status", "cancelled", new() { Timeout = 30_000 });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Pause_is_acknowledged_at_once_and_a_cancelled_run_keeps_no_pause_reason()
    {
        var id = await ui.Stack.StartExecutionAsync(new PlaybookGate(ui.Stack.Library).Playbook); // held until cancelled
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, $"executions/{id}");
        var status = page.GetByTestId("execution-status");
        await Expect(page.Locator("[data-testid=step][data-step='hold']")).ToHaveAttributeAsync("data-status", "running");

        await page.GetByTestId("pause").ClickAsync();
        await Expect(page.GetByTestId("pause-requested")).ToBeVisibleAsync(); // the held step still runs
        await ui.Stack.WaitForRunnerToReceiveAsync(id, "pause"); // the skip must not overtake the pause on the bus
        await page.GetByTestId("skip").ClickAsync(); // ends that step: the pause takes effect at the boundary
        await Expect(status).ToHaveAttributeAsync("data-status", "paused", new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("pause-requested")).ToHaveCountAsync(0);
        await Expect(page.GetByText("paused at step boundary")).ToBeVisibleAsync();

        await page.GetByTestId("cancel").ClickAsync();
        await Expect(status).ToHaveAttributeAsync("data-status", "cancelled", new() { Timeout = 60_000 });
        await Expect(page.GetByText("paused at step boundary")).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task In_debug_mode_skip_and_skip_back_move_one_step_and_the_timeline_shows_it()
    {
        var id = await ui.Stack.StartExecutionAsync("debug/breakpoint_demo.yaml", debug: true);
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, $"executions/{id}");
        var status = page.GetByTestId("execution-status");
        ILocator Step(string id) => page.Locator($"[data-testid=step][data-step='{id}']");

        // Paused after "prepare", before "pause_here": the debug panel shows the context at a plain step boundary.
        await Expect(status).ToHaveAttributeAsync("data-status", "paused", new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("debug-panel")).ToContainTextAsync("next: 'pause_here'");
        await Expect(page.GetByTestId("debug-variables")).ToContainTextAsync("before breakpoint");

        await page.GetByTestId("skip").ClickAsync(); // pause_here is skipped; paused again before continue_on
        await Expect(Step("pause_here")).ToHaveAttributeAsync("data-status", "skipped");
        await Expect(page.GetByTestId("debug-panel")).ToContainTextAsync("next: 'continue_on'");
        await Expect(status).ToHaveAttributeAsync("data-status", "paused");
        await Expect(Step("continue_on")).ToHaveCountAsync(0); // nothing else ran

        await page.GetByTestId("skip-back").ClickAsync(); // pause_here is queued again, shown pending
        await Expect(Step("pause_here")).ToHaveAttributeAsync("data-status", "pending");
        await Expect(page.GetByTestId("debug-panel")).ToContainTextAsync("queued again");
        await Expect(Step("continue_on")).ToHaveCountAsync(0);
        await ui.Stack.SendAsync(id, "cancel");
        await Expect(status).ToHaveAttributeAsync("data-status", "cancelled", new() { Timeout = 60_000 });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_status_page_lists_recent_executions_with_their_playbook_and_start_time()
    {
        var id = await ui.Stack.StartExecutionAsync("utility/hello_world.yaml", new { who = "status page" });
        await ui.Stack.WaitForStatusAsync(id, "completed");
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, "");
        var row = page.Locator("table.executions tr", new() { HasText = id.ToString() });
        await Expect(row).ToContainTextAsync("Hello World");
        await Expect(row).Not.ToContainTextAsync("?");
        await Expect(row.Locator("td").First).Not.ToHaveTextAsync("–");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_playbook_filter_finds_executions_beyond_the_first_page()
    {
        var older = await ui.Stack.StartExecutionAsync("nested/child_greeting.yaml", new { name = "filter" });
        await ui.Stack.WaitForStatusAsync(older, "completed");
        var newer = new List<Guid>();
        for (var i = 0; i < 21; i++) newer.Add(await ui.Stack.StartExecutionAsync("utility/hello_world.yaml", new { who = $"filler {i}" }));
        foreach (var id in newer) await ui.Stack.WaitForStatusAsync(id, "completed", 120);

        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, "executions");
        var table = page.GetByTestId("executions-table");
        await Expect(table.Locator($"a[href='executions/{older}']")).ToHaveCountAsync(0); // not on the first page
        await page.Locator("[data-testid=playbook-filter] input, input[data-testid=playbook-filter]").FillAsync("child_greet");
        await Expect(table.Locator($"a[href='executions/{older}']")).ToBeVisibleAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Deleting_the_last_admin_says_why_and_resetting_a_password_asks_first()
    {
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, "users");
        var admin = page.Locator("[data-testid=user-row][data-user='admin']");
        await admin.GetByTestId("row-delete").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByTestId("user-error")).ToContainTextAsync("last admin");

        await admin.GetByTestId("row-reset").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync("Give admin a new random password?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await ui.Stack.Http.GetAsync("api/v1/users")).StatusCode); // the admin's password still works
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_run_dialog_marks_required_fields_once_and_a_credential_clears_their_errors()
    {
        using (var created = await ui.Stack.Http.PostAsJsonAsync("api/v1/credentials", new
        {
            name = "traps-gateway", kind = "gateway_login",
            fields = new Dictionary<string, string> { ["gateway_url"] = "http://127.0.0.1:1", ["username"] = "admin", ["password"] = "x-password" },
        }))
        {
            Assert.True(created.IsSuccessStatusCode || created.StatusCode == System.Net.HttpStatusCode.Conflict, await created.Content.ReadAsStringAsync());
        }
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, "playbooks");
        var card = page.Locator("[data-testid=playbook-card][data-path='gateway/health_check.yaml']");
        await card.GetByRole(AriaRole.Button, new() { Name = "Run Gateway Health Check" }).ClickAsync();
        var password = page.Locator(".mud-input-control:has(input[data-testid=param-password])").Or(page.Locator(".mud-input-control[data-testid=param-password]"));
        await Expect(password).ToBeVisibleAsync();
        Assert.DoesNotContain("**", await password.InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByTestId("run-start").ClickAsync();
        await Expect(password).ToContainTextAsync("password is required");
        await page.GetByTestId("credential-picker").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "traps-gateway" }).ClickAsync();
        await Expect(password).Not.ToContainTextAsync("required");
        await page.GetByTestId("run-cancel").ClickAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Dark_mode_survives_a_reload_and_keeps_readable_contrast()
    {
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, "playbooks");
        var background = "() => getComputedStyle(document.querySelector('.mud-main-content')).getPropertyValue('--mud-palette-background').trim()";
        var light = await page.EvaluateAsync<string>(background);
        await page.GetByTestId("theme-toggle").ClickAsync();
        await page.WaitForFunctionAsync($"() => ({background})() !== '{light}'");
        await page.ReloadAsync();
        await Expect(page.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected");
        await page.WaitForFunctionAsync($"() => ({background})() !== '{light}'");

        // The RUN buttons of the cards and a status chip: text against its own background, WCAG AA (4.5:1).
        foreach (var button in new[] { page.Locator("[data-testid=playbook-card] button", new() { HasText = "Run" }).First, page.Locator(".mud-button-filled-primary").First })
        {
            var ratio = await ContrastAsync(button);
            Assert.True(ratio >= 4.5, $"'{await button.InnerTextAsync()}' button contrast {ratio:0.00} in dark mode");
        }
        await page.GetByTestId("theme-toggle").ClickAsync(); // back to light for the other tests' pictures
        await page.WaitForFunctionAsync($"() => ({background})() === '{light}'");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_skip_link_leads_keyboard_users_to_the_content()
    {
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, "playbooks");
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByTestId("skip-link");
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        var outline = await skip.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle");
        Assert.NotEqual("none", outline);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#main-content")).ToBeFocusedAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Unsaved_yaml_edits_can_be_reverted_and_are_not_lost_by_leaving_the_page()
    {
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, "playbooks/view/utility/wait_and_log.yaml");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Edit YAML" }).ClickAsync();
        var input = page.GetByTestId("yaml-input");
        var original = await input.InputValueAsync();
        await input.FillAsync(original + "\n# an edit\n");
        await Expect(page.GetByTestId("unsaved")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Executions" }).ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync("not saved");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stay" }).ClickAsync();
        Assert.Contains("playbooks/view/utility/wait_and_log.yaml", page.Url, StringComparison.Ordinal);
        await Expect(input).ToHaveValueAsync(original + "\n# an edit\n");

        await page.GetByTestId("revert").ClickAsync();
        await Expect(input).ToHaveValueAsync(original);
        await Expect(page.GetByTestId("unsaved")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Executions" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/executions$")); // nothing left to lose: no question
        Assert.Empty(errors);
    }

    /// <summary>WCAG contrast ratio of an element's text colour against the first opaque background behind it, once the
    /// colour transitions of the element and what is behind it have ended (MudBlazor fades colours: a busy machine read a
    /// button halfway between the light and dark palettes).</summary>
    private static Task<double> ContrastAsync(ILocator element) => element.EvaluateAsync<double>("""
        async e => {
          const behind = a => a instanceof CSSTransition && a.effect?.target instanceof Element && (a.effect.target === e || a.effect.target.contains(e));
          for (let running; (running = document.getAnimations().filter(behind)).length > 0; )
            await Promise.all(running.map(a => a.finished.catch(() => null)));
          const rgb = s => s.match(/[\d.]+/g).map(Number);
          const lum = ([r, g, b]) => { const c = [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]; };
          let bg = null;
          for (let n = e; n && !bg; n = n.parentElement) { const c = rgb(getComputedStyle(n).backgroundColor); if (c.length === 3 || c[3] > 0.9) bg = c; }
          const fg = lum(rgb(getComputedStyle(e).color)), b = lum(bg ?? [255, 255, 255]);
          return (Math.max(fg, b) + 0.05) / (Math.min(fg, b) + 0.05);
        }
        """);
}
