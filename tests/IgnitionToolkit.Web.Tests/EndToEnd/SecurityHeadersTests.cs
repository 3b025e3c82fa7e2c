using static Microsoft.Playwright.Assertions;

namespace IgnitionToolkit.Web.Tests.EndToEnd;

/// <summary>The Content-Security-Policy and the other security headers are on, and the pages still work under them:
/// any blocked script, style, image, font or connection would be a console error.</summary>
[Trait("Category", "EndToEnd")]
[Collection(UiCollection.Name)]
public sealed class SecurityHeadersTests(UiFixture ui)
{
    [Fact]
    public async Task Web_pages_carry_the_security_headers_and_work_under_their_policy()
    {
        var (page, errors) = await ui.NewPageAsync();
        var response = await page.GotoAsync("playbooks");
        Assert.NotNull(response);
        var headers = response.Headers;
        Assert.Contains("script-src 'self';", headers["content-security-policy"]);
        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"]);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("DENY", headers["x-frame-options"]);
        Assert.Equal("no-referrer", headers["referrer-policy"]);
        Assert.Contains("camera=()", headers["permissions-policy"]);

        await Expect(page.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected"); // circuit WebSocket allowed
        await Expect(page.Locator("[data-testid=playbook-card]").First).ToBeVisibleAsync();
        await UiFixture.OpenAsync(page, "playbooks/new");
        await Expect(page.GetByTestId("yaml-input")).ToBeVisibleAsync(); // the YAML editor (editor.js)
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_API_reference_renders_under_its_policy()
    {
        var (page, errors) = await ui.NewPageAsync();
        var response = await page.GotoAsync(new Uri(ui.Stack.Api.BaseAddress, "scalar/v1").ToString());
        Assert.NotNull(response);
        Assert.Contains("script-src 'self'", response.Headers["content-security-policy"]);
        await Expect(page.GetByText("/api/v1/auth/login").First).ToBeVisibleAsync(); // the first group of the sidebar
        Assert.Empty(errors);
    }
}
