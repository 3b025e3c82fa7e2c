using System.Diagnostics;
using IgnitionToolkit.GatewaySimulator.Hosting;
using IgnitionToolkit.Plugins.Perspective.Browser;
using IgnitionToolkit.Plugins.Perspective.Pages;
using Microsoft.Playwright;

namespace IgnitionToolkit.Benchmarks.Scenarios;

/// <summary>A Perspective screen driven by a playbook (navigate, fill, click, verify, screenshot) against the same calls
/// written directly against Playwright, both in real headless Chromium on the simulator's Demo_HMI page with the browser
/// already started: the playbook's first step starts the browser and is not counted (the steps are timed from the
/// engine's own events); the raw side launches its browser before its clock starts.</summary>
internal static class PerspectiveScenario
{
    private const string Steps = """
          - id: warm
            type: perspective.navigate
            parameters: { url: "{{ parameter.gateway_url }}/data/perspective/client/Demo_HMI/" }
          - id: open
            type: perspective.navigate
            parameters: { url: "{{ parameter.gateway_url }}/data/perspective/client/Demo_HMI/" }
          - id: setpoint
            type: perspective.fill
            parameters: { component_path: "C:3", value: "42.5" }
          - id: apply
            type: perspective.click
            parameters: { component_path: "C:4" }
          - id: applied
            type: perspective.verify
            parameters: { component_path: "C:5", check: text_equals, expected: "Setpoint: 42.5" }
          - id: picture
            type: perspective.screenshot
            parameters: { name: applied }
        """;

    public static async Task<BenchmarkRow> RunAsync(int samples)
    {
        await using var sim = await SimulatorServer.StartAsync();
        var url = sim.BaseAddress.ToString().TrimEnd('/');
        var yaml = "name: Perspective bench\nversion: \"1.0\"\nparameters:\n  - { name: gateway_url, type: string, required: true }\nsteps:\n" + Steps;
        var parameters = new Dictionary<string, object?> { ["gateway_url"] = url };
        Console.Error.WriteLine("perspective: a playbook and the same Playwright calls, browser started...");

        await using var engine = new InProcessEngine(plugins: true);
        using var playwright = await Playwright.CreateAsync();
        var options = new BrowserOptions();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = options.ResolveExecutable(), Headless = true, Args = options.ResolveArgs(),
        });
        var screenshots = Directory.CreateTempSubdirectory("toolkit-bench-shots-").FullName;
        try
        {
            for (var i = 0; i < 3; i++) // warm-up: JIT, the browser's caches
            {
                await engine.RunAsync(yaml, parameters);
                await RawAsync(browser, options, url, screenshots);
            }
            var playbookTimes = new List<double>();
            var rawTimes = new List<double>();
            for (var i = 0; i < samples; i++)
            {
                playbookTimes.Add((await engine.RunAsync(yaml, parameters)).Between("open", "picture").TotalMilliseconds);
                rawTimes.Add(await RawAsync(browser, options, url, screenshots));
            }
            return new($"Perspective navigate + fill + click + verify + screenshot playbook (median of {samples})",
                BenchmarkReport.Percentile(playbookTimes, 0.5), "ms", "the same calls on Playwright, waiting for the spinner", BenchmarkReport.Percentile(rawTimes, 0.5), "≤ 1.05×");
        }
        finally
        {
            Directory.Delete(screenshots, recursive: true);
        }
    }

    /// <summary>What an integrator would write with Playwright: a new context and page as the engine makes per execution, a
    /// first navigation as the playbook's <c>warm</c> step (not timed on either side: it starts the page's renderer), then
    /// the same five actions, the navigation waiting for Perspective's loading spinner to go as the step does (without
    /// it the fill's own retries, 0.1 then 0.5 s apart, wait for the page and decide the figure); timed from the second
    /// navigation to the saved screenshot.</summary>
    private static async Task<double> RawAsync(IBrowser browser, BrowserOptions options, string url, string screenshots)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = options.ViewportWidth, Height = options.ViewportHeight },
        });
        var page = await context.NewPageAsync();
        var hmi = $"{url}/data/perspective/client/Demo_HMI/";
        await page.GotoAsync(hmi);
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(hmi);
        await page.Locator(PerspectiveWaits.Spinner).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
        await page.Locator("[data-component-path='C:3']").FillAsync("42.5");
        await page.Locator("[data-component-path='C:4']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-component-path='C:5']")).ToHaveTextAsync("Setpoint: 42.5");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "applied.png") });
        return clock.Elapsed.TotalMilliseconds;
    }
}
