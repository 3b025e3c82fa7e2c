using IgnitionToolkit.GatewaySimulator.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgnitionToolkit.Web.Tests.EndToEnd;

/// <summary>The recorder's round trip against the real API + Runner (Chromium) + Web and the gateway simulator's
/// Perspective page: record by clicking and typing in the live view, stop, the draft is saved, valid and runs.</summary>
[Trait("Category", "EndToEnd")]
[Collection(UiCollection.Name)]
public sealed class RecorderTests(UiFixture ui)
{
    [Fact]
    public async Task A_session_recorded_through_the_live_view_becomes_a_draft_that_runs()
    {
        await using var simulator = await SimulatorServer.StartAsync();
        var gatewayUrl = simulator.BaseAddress.ToString().TrimEnd('/');
        var (page, errors) = await ui.NewPageAsync();
        await UiFixture.OpenAsync(page, "playbooks");
        await page.GetByTestId("record-playbook").ClickAsync();
        await page.GetByTestId("record-url").FillAsync($"{gatewayUrl}/data/perspective/client/Demo_HMI");
        await page.GetByTestId("record-name").FillAsync("Recorded setpoint");
        await page.GetByTestId("record-start").ClickAsync();

        var status = page.GetByTestId("record-status");
        await Expect(status).ToHaveAttributeAsync("data-recording", "true", new() { Timeout = 300_000 });
        var picture = page.GetByTestId("live-view-picture");
        await Expect(picture).ToBeVisibleAsync(new() { Timeout = 120_000 });
        var field = await CentreAsync($"{gatewayUrl}/data/perspective/client/Demo_HMI", "C:3");
        var apply = await CentreAsync($"{gatewayUrl}/data/perspective/client/Demo_HMI", "C:4");
        var steps = page.GetByTestId("recorded-step");

        await ClickAsync(picture, field);
        await Expect(steps).ToHaveCountAsync(1, new() { Timeout = 120_000 });
        await page.GetByTestId("live-view-input").PressAsync("7"); // typed into the page's focused setpoint field
        await Expect(steps).ToHaveCountAsync(2, new() { Timeout = 120_000 });
        await ClickAsync(picture, apply);
        await Expect(steps).ToHaveCountAsync(3, new() { Timeout = 120_000 });
        await Expect(steps.Nth(2)).ToContainTextAsync("component C:4");
        await Expect(page.GetByTestId("recorded-step-thumbnail")).ToHaveCountAsync(3, new() { Timeout = 120_000 });
        await ui.ScreenshotAsync(page, "recorder");

        await page.GetByTestId("record-stop").ClickAsync();
        await page.WaitForURLAsync("**/playbooks/view/drafts/recorded-*.yaml", new() { Timeout = 300_000 }); // the draft, opened in the editor
        var path = Uri.UnescapeDataString(new Uri(page.Url).AbsolutePath.Split("/playbooks/view/", 2)[1]);
        var draft = await File.ReadAllTextAsync(Path.Combine(ui.Stack.Library, path));
        Assert.Contains("component_path: C:4", draft, StringComparison.Ordinal);
        Assert.Matches("value: [\"']7[\"']", draft); // the typed text, kept as text

        var run = await ui.Stack.StartExecutionAsync(path); // gateway_url: the simulator, as recorded
        await ui.Stack.WaitForStatusAsync(run, "completed", 600);
        Assert.Empty(errors);
    }

    private static async Task ClickAsync(ILocator picture, (double X, double Y) at)
    {
        var box = (await picture.BoundingBoxAsync())!;
        await picture.ClickAsync(new() { Position = new Position { X = (float)(at.X * box.Width), Y = (float)(at.Y * box.Height) } });
    }

    /// <summary>The centre of a component as fractions of a 1280x720 page (the Runner's viewport).</summary>
    private async Task<(double X, double Y)> CentreAsync(string url, string path)
    {
        await using var context = await ui.Browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        var probe = await context.NewPageAsync();
        await probe.GotoAsync(url);
        var component = probe.Locator($"[data-component-path=\"{path}\"]");
        await component.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 120_000 });
        var box = (await component.BoundingBoxAsync())!;
        return ((box.X + box.Width / 2) / 1280, (box.Y + box.Height / 2) / 720);
    }
}
