using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgnitionToolkit.Web.Tests.EndToEnd;

/// <summary>The execution page's "Download report" menu: JUnit XML and the HTML report of the execution, through the
/// Web's download endpoint from the API's <c>/report</c>.</summary>
[Trait("Category", "EndToEnd")]
[Collection(UiCollection.Name)]
public sealed class ReportDownloadTests(UiFixture ui)
{
    [Fact]
    public async Task The_download_report_menu_offers_junit_and_html_of_the_execution()
    {
        var (page, errors) = await ui.NewPageAsync();
        var id = await ui.Stack.StartExecutionAsync("utility/hello_world.yaml", new { who = "report" });
        await ui.Stack.WaitForStatusAsync(id, "completed", 300);
        await UiFixture.OpenAsync(page, $"executions/{id}");
        await Expect(page.GetByTestId("execution-status")).ToHaveAttributeAsync("data-status", "completed");

        await page.GetByRole(AriaRole.Button, new() { Name = "Download report" }).ClickAsync();
        var junitLink = page.Locator("a[href*='/report?format=junit']");
        var htmlLink = page.Locator("a[href*='/report?format=html']");
        await Expect(junitLink).ToContainTextAsync("JUnit XML");
        await Expect(htmlLink).ToContainTextAsync("HTML report");

        var junit = await page.Context.APIRequest.GetAsync(await junitLink.GetAttributeAsync("href") ?? "");
        Assert.Equal(200, junit.Status);
        Assert.Contains("<testsuites", await junit.TextAsync());
        Assert.Contains($"execution-{id}-junit.xml", junit.Headers["content-disposition"]);
        var html = await page.Context.APIRequest.GetAsync(await htmlLink.GetAttributeAsync("href") ?? "");
        Assert.Equal(200, html.Status);
        Assert.Contains("Hello, report!", await html.TextAsync());
        Assert.Empty(errors);
    }
}
