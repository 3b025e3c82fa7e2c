using System.Net.Http.Json;
using IgnitionToolkit.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgnitionToolkit.Web.Tests.EndToEnd;

/// <summary>Signing in and out through the UI, and what each role is offered.</summary>
[Trait("Category", "EndToEnd")]
[Collection(UiCollection.Name)]
public sealed class SignInTests(UiFixture ui)
{
    [Fact]
    public async Task A_visitor_is_sent_to_sign_in_and_comes_back_signed_in_then_signs_out()
    {
        var (page, errors) = await ui.NewPageAsync(signedIn: false);
        await page.GotoAsync("playbooks");
        await page.WaitForURLAsync("**/login?returnUrl=*");

        await page.GetByTestId("login-username").FillAsync(ToolkitStack.AdminUser);
        await page.GetByTestId("login-password").FillAsync("not-the-password");
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("wrong password");
        await ui.ScreenshotAsync(page, "sign-in");

        await page.GetByTestId("login-username").FillAsync(ToolkitStack.AdminUser);
        await page.GetByTestId("login-password").FillAsync(ToolkitStack.AdminPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        // The URL, then what the user sees, rather than the page's load event: waiting for that load event once timed
        // out after 120 s in a quiet clean-clone run (session 15) while the same test passes everywhere else.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/playbooks$"));
        await Expect(page.GetByTestId("current-user")).ToContainTextAsync("admin · admin");
        await Expect(page.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(page.GetByTestId("new-playbook")).ToBeVisibleAsync();

        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync("**/login");
        await page.GotoAsync("executions");
        await page.WaitForURLAsync("**/login?returnUrl=*");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_viewer_sees_the_library_without_run_edit_or_credential_actions()
    {
        var name = "viewer-" + Guid.NewGuid().ToString("N")[..6];
        using (var created = await ui.Stack.Http.PostAsJsonAsync("api/v1/users", new { username = name, password = "viewer-password", role = "viewer" }))
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var (page, errors) = await ui.NewPageAsync(signedIn: false);
        await UiFixture.SignInAsync(page, name, "viewer-password", "/playbooks/view/utility/hello_world.yaml");
        await Expect(page.GetByTestId("current-user")).ToContainTextAsync($"{name} · viewer");
        await Expect(page.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(page.GetByTestId("duplicate")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("run")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("delete")).ToHaveCountAsync(0);

        await UiFixture.OpenAsync(page, "credentials");
        await Expect(page.GetByTestId("new-credential")).ToHaveCountAsync(0);
        await UiFixture.OpenAsync(page, "playbooks");
        await Expect(page.GetByTestId("new-playbook")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=playbook-card]").First).ToBeVisibleAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task An_admin_manages_users_and_the_new_user_signs_in_with_their_role()
    {
        var name = "ops-" + Guid.NewGuid().ToString("N")[..6];
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, "users");
        await page.GetByTestId("user-name").FillAsync(name);
        await page.GetByTestId("user-password").FillAsync("short");
        await page.GetByTestId("user-role").SelectOptionAsync("operator");
        await page.GetByTestId("user-create").ClickAsync();
        await Expect(page.GetByTestId("user-error")).ToContainTextAsync("at least 8 characters");
        await page.GetByTestId("user-password").FillAsync("operator-password");
        await page.GetByTestId("user-create").ClickAsync();
        var row = page.Locator($"[data-testid=user-row][data-user='{name}']");
        await Expect(row.GetByTestId("row-role")).ToHaveValueAsync("operator");
        await row.GetByTestId("row-role").SelectOptionAsync("viewer");
        await Expect(page.Locator(".mud-snackbar", new() { HasText = $"{name} is now viewer" })).ToBeVisibleAsync();
        await ui.ScreenshotAsync(page, "users");

        var (other, otherErrors) = await ui.NewPageAsync(signedIn: false);
        await UiFixture.SignInAsync(other, name, "operator-password");
        await Expect(other.GetByTestId("current-user")).ToContainTextAsync($"{name} · viewer");
        await Expect(other.GetByTestId("nav-users")).ToHaveCountAsync(0);
        await other.GotoAsync("users");
        await Expect(other.GetByTestId("users-table")).ToHaveCountAsync(0);

        await row.GetByTestId("row-delete").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        Assert.Empty(errors);
        Assert.Empty(otherErrors);
    }

    [Fact]
    public async Task A_user_changes_their_own_password_and_only_the_new_one_signs_in()
    {
        var name = "self-" + Guid.NewGuid().ToString("N")[..6];
        using (var created = await ui.Stack.Http.PostAsJsonAsync("api/v1/users", new { username = name, password = "first-password", role = "operator" }))
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var (page, errors) = await ui.NewPageAsync(signedIn: false);
        await UiFixture.SignInAsync(page, name, "first-password", "/executions");
        await page.GetByTestId("account-link").ClickAsync();
        await page.WaitForURLAsync("**/account");
        await Expect(page.GetByTestId("account-user")).ToHaveTextAsync(name);

        await page.GetByTestId("current-password").FillAsync("not-my-password");
        await page.GetByTestId("new-password").FillAsync("second-password");
        await page.GetByTestId("confirm-password").FillAsync("second-password");
        await page.GetByTestId("change-password").ClickAsync();
        await Expect(page.GetByTestId("password-error")).ToContainTextAsync("current_password is wrong");

        await page.GetByTestId("current-password").FillAsync("first-password");
        await page.GetByTestId("new-password").FillAsync("second-password");
        await page.GetByTestId("confirm-password").FillAsync("second-passwrod");
        await page.GetByTestId("change-password").ClickAsync();
        await Expect(page.Locator(".validation-message")).ToContainTextAsync("The two new passwords differ.");

        await page.GetByTestId("current-password").FillAsync("first-password");
        await page.GetByTestId("new-password").FillAsync("second-password");
        await page.GetByTestId("confirm-password").FillAsync("second-password");
        await page.GetByTestId("change-password").ClickAsync();
        await Expect(page.GetByTestId("password-changed")).ToBeVisibleAsync();
        await ui.ScreenshotAsync(page, "account");

        // this browser stays signed in (a new token), and the live connection still works with it
        await page.GetByTestId("back-to-toolkit").ClickAsync();
        await Expect(page.GetByTestId("current-user")).ToContainTextAsync($"{name} · operator");
        await Expect(page.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected");
        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync("**/login");

        await page.GetByTestId("login-username").FillAsync(name);
        await page.GetByTestId("login-password").FillAsync("first-password");
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("wrong password");
        await UiFixture.SignInAsync(page, name, "second-password");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_restarted_web_keeps_its_users_signed_in()
    {
        var data = Path.Combine(ui.Stack.Root, "web-restart-data");
        var first = await WebProcess.StartAsync(ui.Stack, data);
        var context = await ui.Browser.NewContextAsync(new() { BaseURL = first.BaseAddress.ToString() });
        try
        {
            var page = await context.NewPageAsync();
            await UiFixture.SignInAsync(page, ToolkitStack.AdminUser, ToolkitStack.AdminPassword);
            await first.DisposeAsync();
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(data, "keys", "web"), "key-*.xml")); // kept in the data folder, not the home folder

            // Same data folder, new process: the sign-in keys were kept, so the cookie still opens the pages.
            await using var second = await WebProcess.StartAsync(ui.Stack, data);
            await page.GotoAsync(new Uri(second.BaseAddress, "executions").ToString());
            await Expect(page.GetByTestId("current-user")).ToContainTextAsync(ToolkitStack.AdminUser);
            Assert.DoesNotContain("/login", page.Url, StringComparison.Ordinal);
        }
        finally
        {
            await context.CloseAsync();
            await first.DisposeAsync();
        }
    }
}
