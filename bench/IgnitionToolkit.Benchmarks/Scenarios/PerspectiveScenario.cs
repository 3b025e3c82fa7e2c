using System.Diagnostics;
using IgnitionToolkit.GatewaySimulator.Hosting;
using IgnitionToolkit.Plugins.Perspective.Browser;
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
            await engine.RunAsync(yaml, parameters); // warm-up
            await RawAsync(browser, options, url, screenshots);
            var playbookTimes = new List<double>();
            var rawTimes = new List<double>();
            for (var i = 0; i < samples; i++)
            {
                playbookTimes.Add((await engine.RunAsync(yaml, parameters)).Between("open", "picture").TotalMilliseconds);
                rawTimes.Add(await RawAsync(browser, options, url, screenshots));
            }
            return new($"Perspective navigate + fill + click + verify + screenshot playbook (median of {samples})",
                BenchmarkReport.Percentile(playbookTimes, 0.5), "ms", "the same calls on Playwright", BenchmarkReport.Percentile(rawTimes, 0.5), "≤ 1.05×");
        }
        finally
        {
            Directory.Delete(screenshots, recursive: true);
        }
    }

    /// <summary>What an integrator would write with Playwright: a new context and page as the engine makes per execution,
    /// then the same five actions; timed from the navigation to the saved screenshot.</summary>
    private static async Task<double> RawAsync(IBrowser browser, BrowserOptions options, string url, string screenshots)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = options.ViewportWidth, Height = options.ViewportHeight },
        });
        var page = await context.NewPageAsync();
        var clock = Stopwatch.StartNew();
        await page.GotoAsync($"{url}/data/perspective/client/Demo_HMI/");
        await page.Locator("[data-component-path='C:3']").FillAsync("42.5");
        await page.Locator("[data-component-path='C:4']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-component-path='C:5']")).ToHaveTextAsync("Setpoint: 42.5");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "applied.png") });
        return clock.Elapsed.TotalMilliseconds;
    }
}
