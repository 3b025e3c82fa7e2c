using IgnitionToolkit.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgnitionToolkit.Web.Tests.EndToEnd;

/// <summary>
/// What a new user does after cloning: <c>make start DEMO=1</c> (the script itself, nothing added to its environment),
/// then the three next steps it prints, in a real browser: sign in with the password it printed, run the demo gateway
/// playbook with the demo credential and the demo Perspective playbook, by clicking. The UI must have its styles and
/// scripts (the services run as the AppHost starts them), no console errors and no failed requests. Ends with
/// <c>make stop</c>, which must leave nothing running.
/// </summary>
[Collection(NewcomerCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class NewcomerPathTests(NewcomerFixture stack)
{
    [Fact]
    public async Task Make_start_demo_serves_a_styled_working_ui_and_its_next_steps_succeed()
    {
        Assert.Contains("Next steps:", stack.StartOutput, StringComparison.Ordinal);
        Assert.Contains($"with password: {stack.AdminPassword}", stack.StartOutput, StringComparison.Ordinal);

        var (page, problems) = await stack.NewPageAsync();
        await page.GotoAsync("/");
        await AssertStyledAndInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Status" })).ToBeVisibleAsync();

        // 1. Sign in with the printed password.
        await page.GetByTestId("sign-in").ClickAsync(); // the header's "Sign in"
        // The interactive router first moves to /login, then loads the (static) sign-in page in full: its own text marks the new document.
        await page.WaitForURLAsync("**/login**");
        await Expect(page.GetByTestId("login-help")).ToContainTextAsync("make admin-password");
        await AssertStyledAndInteractiveAsync(page);
        await page.GetByTestId("login-username").FillAsync("admin");
        await page.GetByTestId("login-password").FillAsync(stack.AdminPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("current-user")).ToContainTextAsync("admin");
        await UiFixture.OpenAsync(page, "playbooks");
        await AssertStyledAndInteractiveAsync(page);
        await stack.ScreenshotAsync(page, "start-playbooks");

        // 2. Backup and Restart Gateway with the demo credential.
        await OpenRunDialogAsync(page, "gateway/backup_and_restart.yaml", "Backup and Restart Gateway");
        await page.GetByTestId("credential-picker").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "demo-gateway" }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.mud-dialog input')].some(i => i.value === 'demo-gateway')");
        await stack.ScreenshotAsync(page, "start-run-dialog");
        await StartAsync(page);
        await ExpectCompletedAsync(page);
        await Expect(page.GetByTestId("artifacts")).ToContainTextAsync(".gwbk");
        await stack.ScreenshotAsync(page, "start-execution-detail");

        // 3. Perspective HMI Smoke Test: a real browser on the simulator's Perspective page.
        await UiFixture.OpenAsync(page, "playbooks");
        await OpenRunDialogAsync(page, "perspective/hmi_smoke_test.yaml", "Perspective HMI Smoke Test");
        await StartAsync(page);
        await ExpectCompletedAsync(page);

        await UiFixture.OpenAsync(page, "executions");
        await Expect(page.GetByTestId("executions-table")).ToContainTextAsync("Perspective HMI Smoke Test");
        await stack.ScreenshotAsync(page, "start-executions");
        Assert.True(problems.Count == 0, "console errors or failed requests:\n" + string.Join("\n", problems));
    }

    private static async Task OpenRunDialogAsync(IPage page, string path, string name)
    {
        var card = page.Locator($"[data-testid=playbook-card][data-path='{path}']");
        await card.GetByRole(AriaRole.Button, new() { Name = $"Run {name}" }).ClickAsync();
        await Expect(page.GetByTestId("run-start")).ToBeEnabledAsync();
    }

    /// <summary>Clicks Start and waits for the execution's page, or fails with what the dialog answered instead.</summary>
    private static async Task StartAsync(IPage page)
    {
        await page.GetByTestId("run-start").ClickAsync();
        await Expect(page.Locator("[data-testid=execution-status], [data-testid=run-error]").First).ToBeVisibleAsync(new() { Timeout = 120_000 });
        var error = page.GetByTestId("run-error");
        if (await error.IsVisibleAsync()) Assert.Fail("the run dialog answered instead of starting: " + await error.InnerTextAsync());
    }

    private static async Task ExpectCompletedAsync(IPage page)
    {
        await page.WaitForURLAsync("**/executions/*");
        await Expect(page.GetByTestId("execution-status")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 180_000 });
        // Nothing stale once it ended: the runner that ran it is named, without a reload.
        await Expect(page.GetByText("runner –")).ToHaveCountAsync(0);
    }

    /// <summary>The stylesheets and scripts of the UI loaded: MudBlazor's rules apply to its components, the app's own
    /// stylesheet has rules, and Blazor's script started the interactive circuit.</summary>
    private static async Task AssertStyledAndInteractiveAsync(IPage page)
    {
        // A page may still be replaced by a navigation it started itself: then the checks run again on the new document.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await AssertStyledAndInteractiveOnceAsync(page);
                return;
            }
            catch (PlaywrightException e) when (attempt < 5 && e.Message.Contains("Execution context was destroyed", StringComparison.Ordinal))
            {
                await page.WaitForLoadStateAsync(LoadState.Load);
            }
        }
    }

    private static async Task AssertStyledAndInteractiveOnceAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && window.mudElementRef !== undefined");
        var sheets = await page.EvaluateAsync<string[]>(
            "() => [...document.styleSheets].filter(s => s.href && s.cssRules.length > 0).map(s => new URL(s.href).pathname)");
        Assert.Contains(sheets, s => s.EndsWith("/MudBlazor.min.css", StringComparison.Ordinal));
        Assert.Contains(sheets, s => s.StartsWith("/app.", StringComparison.Ordinal));
        // MudBlazor's rules on its buttons (a browser's own button is inline-block), the app's on the sign-in card.
        var styled = await page.EvaluateAsync<bool>("""
            () => {
              const button = document.querySelector('.mud-button-root'), card = document.querySelector('.login-card');
              if (!button && !card) return false;
              return (!button || ['flex', 'inline-flex'].includes(getComputedStyle(button).display))
                  && (!card || getComputedStyle(card).display === 'flex');
            }
            """);
        Assert.True(styled, "MudBlazor's or the app's styles do not apply");
    }
}

/// <summary>Runs <c>make start DEMO=1</c> once for the collection and <c>make stop</c> at the end, and keeps one Chromium.</summary>
public sealed class NewcomerFixture : IAsyncLifetime
{
    public const string WebUrl = "http://127.0.0.1:5100/";
    private static readonly int[] Ports = [5080, 5090, 5100, 8088, 18888, 18889, 18890];
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private bool _started;

    public string StartOutput { get; private set; } = "";
    public string AdminPassword { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var busy = Ports.Where(ShellCommand.PortAnswers).ToList();
        if (busy.Count > 0)
            throw new InvalidOperationException($"ports {string.Join(", ", busy)} are in use: this test runs 'make start' as a user does; run 'make stop' first");
        _started = true;
        var start = await ShellCommand.RunAsync("make start DEMO=1", RepositoryLayout.Root, TimeSpan.FromMinutes(6));
        StartOutput = start.Output;
        Assert.True(start.ExitCode == 0, $"make start DEMO=1 failed:\n{start.Output}");
        var password = await ShellCommand.RunAsync("make -s admin-password", RepositoryLayout.Root, TimeSpan.FromMinutes(1));
        Assert.True(password.ExitCode == 0, password.Output);
        AdminPassword = password.Output.Trim();
        await ShellCommand.WaitHealthyAsync(new Uri(new Uri(WebUrl), "health"), TimeSpan.FromMinutes(3));

        Assertions.SetDefaultExpectTimeout(60_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = UiFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A 1280×800 page on the Web that records console errors, page errors, failed requests and answers ≥ 400.</summary>
    public async Task<(IPage Page, List<string> Problems)> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = WebUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(120_000);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        void Add(string problem) { lock (problems) problems.Add(problem); }
        page.Console += (_, m) => { if (m.Type == "error") Add("console: " + m.Text); };
        page.PageError += (_, e) => Add("page error: " + e);
        // ERR_ABORTED: the browser dropped a request itself (a navigation that replaced another), not a failure.
        page.RequestFailed += (_, r) => { if (r.Failure != "net::ERR_ABORTED") Add($"request failed: {r.Method} {r.Url} ({r.Failure})"); };
        page.Response += (_, r) => { if (r.Status >= 400) Add($"answer {r.Status}: {r.Request.Method} {r.Url}"); };
        return (page, problems);
    }

    public async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(UiFixture.ImagesDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(UiFixture.ImagesDirectory, name + ".png") });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (!_started) return;
        var stop = await ShellCommand.RunAsync("make stop", RepositoryLayout.Root, TimeSpan.FromMinutes(2));
        Assert.True(stop.ExitCode == 0 && stop.Output.Contains(" stopped", StringComparison.Ordinal), $"make stop:\n{stop.Output}");
        var left = Ports.Where(ShellCommand.PortAnswers).ToList();
        Assert.True(left.Count == 0, $"after make stop, ports {string.Join(", ", left)} still answer");
    }
}

[Trait("Category", "EndToEnd")]
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NewcomerCollection : ICollectionFixture<NewcomerFixture>
{
    public const string Name = "newcomer";
}
