using IgnitionToolkit.Cli.Tests.Support;
using IgnitionToolkit.Contracts;
using IgnitionToolkit.Contracts.Events;
using IgnitionToolkit.Core.Reports;
using Microsoft.Playwright;

namespace IgnitionToolkit.Cli.Tests.Reports;

/// <summary><c>run --report</c>: one self-contained HTML file, opened in headless Chromium as a person would.</summary>
[Trait("Category", "Functional")]
public sealed class HtmlReportTests : IAsyncLifetime, IDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private readonly CliRunner _cli = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) throw new InvalidOperationException($"Chromium not found at {ChromiumPath} (apt-get install -y chromium)");
        Assertions.SetDefaultExpectTimeout(60_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    [Fact]
    public async Task Report_of_a_failed_run_shows_the_failing_step_first_with_its_error()
    {
        var parent = _cli.Folder.Write("nested/parent.yaml", Playbooks.ParentOfFailingChild);
        _cli.Folder.Write("nested/child.yaml", Playbooks.FailingChild);
        var report = Path.Combine(_cli.Folder.Path, "report.html");

        Assert.Equal(1, await _cli.RunAsync("run", parent, "--report", report));

        var html = await File.ReadAllTextAsync(report);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        var page = await OpenAsync(report);
        await Assertions.Expect(page).ToHaveTitleAsync("parent: failed");
        var failure = page.Locator("#failure");
        await Assertions.Expect(failure).ToBeVisibleAsync();
        await Assertions.Expect(failure.Locator("details[data-step='call/inner_slow'] summary")).ToContainTextAsync("inner_slow");
        await Assertions.Expect(failure.Locator("details[data-step='call/inner_slow'] pre.error")).ToBeVisibleAsync();
        // the failure section comes before the list of every step
        var failureTop = (await failure.BoundingBoxAsync())!.Y;
        var stepsTop = (await page.Locator("#steps").BoundingBoxAsync())!.Y;
        Assert.True(failureTop < stepsTop);
        await Assertions.Expect(page.Locator("#steps details[data-step='call/inner_log'] pre.log")).ToContainTextAsync("hello from the child <&>");
    }

    [Fact]
    public async Task Screenshots_are_inlined_and_shown()
    {
        var png = Path.Combine(_cli.Folder.Path, "shot.png");
        await File.WriteAllBytesAsync(png, Convert.FromBase64String(OnePixelPng));
        var at = DateTimeOffset.UtcNow;
        ExecutionEvent[] events =
        [
            new ExecutionStartedEvent(at, "screens", 1),
            new StepStartedEvent(at, "look", null, "look", "Look", "perspective.screenshot", 1, new Dictionary<string, object?>()),
            new ArtifactSavedEvent(at, "look", "shot.png", "image/png", new FileInfo(png).Length, "", png),
            new StepFinishedEvent(at, "look", null, "look", StepStatus.Failed, new Dictionary<string, object?>(), "element not found", TimeSpan.FromSeconds(2), 1),
            new ExecutionFinishedEvent(at, ExecutionStatus.Failed, "step 'look' failed", TimeSpan.FromSeconds(2)),
        ];
        var report = Path.Combine(_cli.Folder.Path, "screens.html");
        HtmlReportWriter.Write(ReportModel.From(events, "screens"), report, HtmlReportWriter.ReadFromDisk);
        File.Delete(png); // self-contained: the report does not need the file any more

        var page = await OpenAsync(report);
        var image = page.Locator("#failure img[alt='shot.png']");
        await Assertions.Expect(image).ToBeVisibleAsync();
        Assert.Equal(1, await image.EvaluateAsync<int>("img => img.naturalWidth"));
    }

    private async Task<IPage> OpenAsync(string file)
    {
        var page = await _browser!.NewPageAsync();
        await page.GotoAsync(new Uri(file).AbsoluteUri);
        return page;
    }

    private const string OnePixelPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }

    public void Dispose() => _cli.Dispose();
}
