using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgnitionToolkit.Web.Tests.EndToEnd;

/// <summary>The Gateways page and the live fleet view, against the real API + Runner + Web and Chromium: gateways are
/// imported from a CSV file through the page (preview, then import), a fleet run is started from the page, and its view
/// shows each gateway's row turning final, the failing gateway with its failing step and a link to its execution.
/// The playbook fails on one gateway through a python3 step, so no gateway simulator is needed here (the functional
/// tier runs fleet runs against simulators).</summary>
[Trait("Category", "EndToEnd")]
[Collection(UiCollection.Name)]
public sealed class FleetViewTests(UiFixture ui)
{
    private const string Playbook = """
        name: Fleet probe
        version: "1.0"
        parameters:
          - { name: gateway_url, type: string, required: true }
        steps:
          - id: hello
            type: utility.log
            parameters: { message: "probing {{ parameter.gateway_url }}" }
          - id: probe
            type: utility.python
            timeout: 60
            parameters:
              script: |
                if "broken" in '{{ parameter.gateway_url }}':
                    raise Exception("gateway answers 500")
                print("OK=1")
        """;

    [Fact]
    public async Task Gateways_are_imported_and_a_fleet_run_is_watched_row_by_row()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        Directory.CreateDirectory(Path.Combine(ui.Stack.Library, "fleet"));
        await File.WriteAllTextAsync(Path.Combine(ui.Stack.Library, "fleet", "probe.yaml"), Playbook);
        var csv = Path.Combine(Path.GetTempPath(), $"plant-{suffix}.csv");
        await File.WriteAllTextAsync(csv, $"name,url,site,line\nok-1-{suffix},http://ok-1.invalid:8088,{suffix},1\nok-2-{suffix},http://ok-2.invalid:8088,{suffix},2\n"
            + $"broken-{suffix},http://broken.invalid:8088,{suffix},3\n");
        var (page, errors) = await ui.NewPageAsync();

        await UiFixture.OpenAsync(page, "gateways");
        await page.GetByTestId("import-gateways").ClickAsync();
        await UiFixture.ChooseFilesAsync(page.Locator("[data-testid=import-dialog] input[type=file]"), csv);
        await Expect(page.GetByTestId("import-summary")).ToContainTextAsync("3 new, 0 changed, 0 unchanged, 0 error(s)");
        await page.GetByTestId("import-apply").ClickAsync();
        await Expect(page.GetByTestId("gateways-table")).ToContainTextAsync($"broken-{suffix}");

        await page.GetByTestId("run-on-fleet").ClickAsync();
        await page.GetByTestId("fleet-playbook").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "fleet/probe.yaml" }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await Field(page, "fleet-tags").FillAsync($"site={suffix}");
        await Field(page, "fleet-max-parallel").FillAsync("2");
        await page.GetByTestId("fleet-start").ClickAsync();

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/fleet-runs/[0-9a-f-]{36}$"));
        await Expect(page.GetByTestId("fleet-status").GetByTestId("status")).ToHaveAttributeAsync("data-status", "failed", new() { Timeout = 180_000 });
        var table = page.GetByTestId("fleet-table");
        await Expect(table.Locator("tr", new() { HasText = $"ok-1-{suffix}" }).GetByTestId("status")).ToHaveAttributeAsync("data-status", "completed");
        var broken = table.Locator("tr", new() { HasText = $"broken-{suffix}" });
        await Expect(broken.GetByTestId("status")).ToHaveAttributeAsync("data-status", "failed");
        await Expect(broken.GetByTestId("failed-step")).ToContainTextAsync("probe");
        await Expect(broken.GetByTestId("failed-step")).ToContainTextAsync("gateway answers 500");
        await Expect(page.GetByTestId("fleet-summary")).ToContainTextAsync("2 completed, 1 failed");
        await ui.ScreenshotAsync(page, "fleet-view");

        await broken.GetByTestId("execution-link").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/executions/[0-9a-f-]{36}$"));
        await Expect(page.GetByTestId("execution-status")).ToHaveAttributeAsync("data-status", "failed");
        await Expect(page.GetByTestId("fleet-run-link")).ToBeVisibleAsync(); // the execution shows the fleet run that started it
        File.Delete(csv);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_schedule_made_in_the_form_can_target_a_fleet_by_tags()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var name = "fleet-nightly-" + suffix;
        Directory.CreateDirectory(Path.Combine(ui.Stack.Library, "fleet"));
        await File.WriteAllTextAsync(Path.Combine(ui.Stack.Library, "fleet", "probe.yaml"), Playbook);
        using (var created = await ui.Stack.Http.PostAsJsonAsync("api/v1/gateways", new
        { name = $"north-{suffix}", url = "http://north.invalid:8088", tags = new Dictionary<string, string> { ["site"] = suffix } }))
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var (page, errors) = await ui.NewPageAsync();

        await UiFixture.OpenAsync(page, "schedules?playbook=fleet%2Fprobe.yaml");
        await Field(page, "schedule-name").FillAsync(name);
        await Field(page, "schedule-fleet").CheckAsync();
        await Field(page, "schedule-fleet-tags").FillAsync($"site={suffix}");
        await page.GetByTestId("schedule-save").ClickAsync();
        await Expect(page.Locator(".mud-dialog-container, .mud-overlay")).ToHaveCountAsync(0);

        await Expect(page.GetByTestId($"fleet-{name}")).ToContainTextAsync($"tags site={suffix}");
        await ui.ScreenshotAsync(page, "schedules-fleet");
        var schedules = (await ui.Stack.Http.GetFromJsonAsync<JsonArray>("api/v1/schedules"))!;
        var schedule = schedules.First(s => s!["name"]!.GetValue<string>() == name)!;
        Assert.Equal(suffix, schedule["fleet"]!["selection"]!["tags"]!["site"]!.GetValue<string>());
        Assert.Null(schedule["credential_name"]);
        (await ui.Stack.Http.DeleteAsync($"api/v1/schedules/{schedule["id"]}")).EnsureSuccessStatusCode();
        Assert.Empty(errors);
    }

    /// <summary>The input of a MudBlazor field (the test id lands on the input or on its wrapper, depending on the field).</summary>
    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}] input, input[data-testid={testId}]");
}
