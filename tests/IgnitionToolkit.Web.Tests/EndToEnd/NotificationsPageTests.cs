using IgnitionToolkit.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgnitionToolkit.Web.Tests.EndToEnd;

/// <summary>The Notifications page and the pin toggle, in the browser against the real API + Runner + Web.</summary>
[Trait("Category", "EndToEnd")]
[Collection(UiCollection.Name)]
public sealed class NotificationsPageTests(UiFixture ui)
{
    [Fact]
    public async Task An_admin_creates_a_webhook_sends_a_test_and_sees_it_in_the_delivery_log_without_the_secret()
    {
        await using var receiver = OtlpReceiver.Start(); // answers 200 to any POST and keeps the body
        const string secret = "ui-test-signing-secret-4711";
        var name = "ops-" + Guid.NewGuid().ToString("N")[..6];
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, "notifications");
        await page.GetByTestId("new-webhook").ClickAsync();
        await page.Locator("[data-testid=webhook-name] input, input[data-testid=webhook-name]").FillAsync(name);
        await page.Locator("[data-testid=webhook-url] input, input[data-testid=webhook-url]").FillAsync(new Uri(receiver.Endpoint, "hooks/ui/tokenpart").ToString());
        await page.Locator("[data-testid=webhook-secret] input, input[data-testid=webhook-secret]").FillAsync(secret);
        await page.Locator("[data-testid=webhook-pattern] input, input[data-testid=webhook-pattern]").FillAsync("utility/**");
        await page.GetByTestId("webhook-save").ClickAsync();

        var table = page.GetByTestId("webhooks-table");
        await Expect(table).ToContainTextAsync(name);
        await Expect(table).ToContainTextAsync("utility/**");
        await page.GetByTestId($"test-{name}").ClickAsync();
        var log = page.GetByTestId("delivery-log");
        await Expect(log.GetByTestId("delivery-status")).ToHaveAttributeAsync("data-status", "delivered", new() { Timeout = 30_000 });
        await log.GetByTestId("delivery").First.ClickAsync();
        await Expect(log.GetByTestId("attempt").First).ToContainTextAsync("200");
        await ui.ScreenshotAsync(page, "notifications");

        Assert.Contains(receiver.Requests, r => r.Path.Contains("/hooks/ui/tokenpart", StringComparison.Ordinal) && r.Contains("\"kind\":\"test\""));
        var html = await page.ContentAsync();
        Assert.DoesNotContain(secret, html);
        Assert.DoesNotContain("tokenpart", html);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Pinning_an_execution_shows_on_its_page_and_in_the_pinned_filter_of_the_list()
    {
        var id = await ui.Stack.StartExecutionAsync("utility/hello_world.yaml");
        await ui.Stack.WaitForAsync(id, e => ToolkitStack.Status(e) == "completed", timeoutSeconds: 120);
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, $"executions/{id}");
        var pin = page.GetByTestId("pin-toggle");
        await Expect(pin).ToHaveAttributeAsync("data-pinned", "false");
        await pin.ClickAsync();
        await Expect(pin).ToHaveAttributeAsync("data-pinned", "true");

        await UiFixture.OpenAsync(page, "executions");
        await page.Locator("input[data-testid=pinned-filter], [data-testid=pinned-filter] input").First.CheckAsync();
        var table = page.GetByTestId("executions-table");
        await Expect(table.Locator($"a[href='executions/{id}']")).ToBeVisibleAsync();
        await Expect(table.GetByTestId("pinned-icon").First).ToBeVisibleAsync();
        var detail = await ui.Stack.GetExecutionAsync(id);
        Assert.True(detail["execution"]!["pinned"]!.GetValue<bool>());
        Assert.Empty(errors);
    }
}
