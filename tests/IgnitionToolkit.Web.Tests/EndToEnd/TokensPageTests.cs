using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IgnitionToolkit.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgnitionToolkit.Web.Tests.EndToEnd;

/// <summary>The API tokens page in the browser against the real API + Runner + Web: an admin creates a token and sees
/// its secret once, a script uses it, the list shows the use, and revoking it refuses the script's next request; a
/// trigger made on the same page starts its playbook when a GitHub-style signed body is posted, and the run completes.</summary>
[Trait("Category", "EndToEnd")]
[Collection(UiCollection.Name)]
public sealed class TokensPageTests(UiFixture ui)
{
    [Fact]
    public async Task An_admin_creates_a_token_a_script_uses_it_and_revoking_it_refuses_the_next_request()
    {
        var name = "ci-" + Guid.NewGuid().ToString("N")[..6];
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, "tokens");
        await page.Locator("[data-testid=token-name] input, input[data-testid=token-name]").FillAsync(name);
        await page.GetByTestId("token-create").ClickAsync();
        var secretText = page.GetByTestId("token-secret-value");
        await Expect(secretText).ToContainTextAsync("itk_");
        var secret = (await secretText.TextContentAsync())!.Trim();
        await Expect(page.GetByTestId("token-secret-copy")).ToBeVisibleAsync();

        using var script = new HttpClient { BaseAddress = ui.Stack.Api.BaseAddress, Timeout = Wait.HttpRequest };
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using (var used = await script.GetAsync("api/v1/executions")) Assert.Equal(HttpStatusCode.OK, used.StatusCode);

        // shown once: after a reload the page lists the token with its use, never the secret
        await UiFixture.OpenAsync(page, "tokens");
        var row = page.GetByTestId("tokens-table").Locator("tr", new() { HasText = name });
        await Expect(row.GetByTestId("token-status")).ToHaveAttributeAsync("data-status", "active");
        await Expect(row.GetByTestId("token-last-used")).Not.ToHaveTextAsync("never");
        Assert.DoesNotContain(secret, await page.ContentAsync());
        await ui.ScreenshotAsync(page, "api-tokens");

        await page.GetByTestId($"revoke-{name}").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(row.GetByTestId("token-status")).ToHaveAttributeAsync("data-status", "revoked");
        using (var refused = await script.GetAsync("api/v1/executions")) Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_trigger_made_on_the_page_starts_its_playbook_from_a_signed_body()
    {
        var name = "deploy-" + Guid.NewGuid().ToString("N")[..6];
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, "tokens");
        await page.GetByTestId("new-trigger").ClickAsync();
        await page.Locator("[data-testid=trigger-name] input, input[data-testid=trigger-name]").FillAsync(name);
        await page.Locator("[data-testid=trigger-playbook] input, input[data-testid=trigger-playbook]").FillAsync("utility/hello_world.yaml");
        await page.Locator("[data-testid=trigger-parameters] textarea, textarea[data-testid=trigger-parameters]").FillAsync("""{"who": "pipeline"}""");
        await page.GetByTestId("trigger-save").ClickAsync();
        var secretText = page.GetByTestId("trigger-secret-value");
        await Expect(secretText).ToContainTextAsync("itg_");
        var secret = (await secretText.TextContentAsync())!.Trim();
        var address = (await page.GetByTestId("trigger-url").TextContentAsync())!.Trim();
        await Expect(page.GetByTestId("triggers-table")).ToContainTextAsync(name);

        var body = """{"times": 3}""";
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
        using var sender = new HttpClient { Timeout = Wait.HttpRequest };
        using var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Hub-Signature-256", signature);
        using var response = await sender.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        var executionId = JsonNode.Parse(text)!["execution_id"]!.GetValue<Guid>();
        var done = await ui.Stack.WaitForStatusAsync(executionId, "completed", timeoutSeconds: 120);
        Assert.Equal($"trigger:{name}", done["execution"]!["started_by"]!.GetValue<string>());
        Assert.Contains("Hello, pipeline!", done.ToJsonString());
        Assert.Empty(errors);
    }
}
