using System.Text.Json.Nodes;
using IgnitionToolkit.GatewaySimulator.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgnitionToolkit.Web.Tests.EndToEnd;

/// <summary>Click through the live view: a click on the live browser picture of a paused execution clicks the Runner's
/// page of a gateway simulator's Perspective screen, against the real API + Runner (Chromium) + Web.</summary>
[Trait("Category", "EndToEnd")]
[Collection(UiCollection.Name)]
public sealed class LiveViewClickThroughTests(UiFixture ui)
{
    private const string Playbook = """
        name: Click through
        version: "1.0"
        parameters:
          - { name: gateway_url, type: string, required: true }
        steps:
          - { id: open, name: Open, type: perspective.navigate, parameters: { gateway_url: "{{ parameter.gateway_url }}", project: Demo_HMI } }
          - id: started
            name: Started by the click
            type: perspective.verify
            parameters: { selector: '[data-component-path="C:0"]', check: text_equals, expected: Running, timeout: 5 }
        """;

    [Fact]
    public async Task A_click_on_the_live_view_of_a_paused_execution_clicks_the_simulator_screen()
    {
        await using var simulator = await SimulatorServer.StartAsync();
        var gatewayUrl = simulator.BaseAddress.ToString().TrimEnd('/');
        await File.WriteAllTextAsync(Path.Combine(ui.Stack.Library, "debug", "click_through.yaml"), Playbook);
        var (page, errors) = await ui.NewPageAsync();
        var id = await ui.Stack.StartExecutionAsync("debug/click_through.yaml", new { gateway_url = gatewayUrl }, debug: true);
        await UiFixture.OpenAsync(page, $"executions/{id}");
        var status = page.GetByTestId("execution-status");
        await Expect(page.Locator("[data-testid=step][data-step='open']")).ToHaveAttributeAsync("data-status", "completed");
        await Expect(status).ToHaveAttributeAsync("data-status", "paused"); // debug mode: paused before 'started'

        // where the Start button is on the screen the Runner shows (same page, same 1280x720 viewport as the Runner's)
        var start = await ButtonFractionAsync($"{gatewayUrl}/data/perspective/client/Demo_HMI", "C:1");
        var picture = page.GetByTestId("live-view-picture");
        await Expect(picture).ToBeVisibleAsync(new() { Timeout = 120_000 });
        var box = (await picture.BoundingBoxAsync())!;
        await picture.ClickAsync(new() { Position = new Position { X = (float)(start.X * box.Width), Y = (float)(start.Y * box.Height) } });
        await ui.ScreenshotAsync(page, "live-view-click-through");

        await WaitForLogAsync(id, "live view: ");
        await page.GetByTestId("resume").ClickAsync();
        await Expect(status).ToHaveAttributeAsync("data-status", "completed");
        await Expect(page.Locator("[data-testid=step][data-step='started']")).ToHaveAttributeAsync("data-status", "completed");
        Assert.Empty(errors);
    }

    /// <summary>The centre of a component as fractions of a 1280x720 page (the Runner's viewport).</summary>
    private async Task<(double X, double Y)> ButtonFractionAsync(string url, string path)
    {
        await using var context = await ui.Browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        var probe = await context.NewPageAsync();
        await probe.GotoAsync(url);
        var component = probe.Locator($"[data-component-path=\"{path}\"]");
        await component.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 120_000 }); // shown once the page's spinner is gone
        var box = (await component.BoundingBoxAsync())!;
        return ((box.X + box.Width / 2) / 1280, (box.Y + box.Height / 2) / 720);
    }

    private Task WaitForLogAsync(Guid id, string text) =>
        IgnitionToolkit.Testing.Wait.ForAsync<JsonNode>(
            async () => JsonNode.Parse(await ui.Stack.Http.GetStringAsync($"api/v1/executions/{id}"))!,
            e => e!["logs"]!.AsArray().Any(l => l!["message"]!.GetValue<string>().Contains(text, StringComparison.Ordinal)),
            $"the execution log to say '{text}'", poll: TimeSpan.FromMilliseconds(250));
}
