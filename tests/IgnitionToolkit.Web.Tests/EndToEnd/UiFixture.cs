using IgnitionToolkit.Testing;
using Microsoft.Playwright;

namespace IgnitionToolkit.Web.Tests.EndToEnd;

/// <summary>API + Runner + Web as real processes and one headless Debian Chromium, shared by the browser tests.</summary>
public sealed class UiFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private string? _signedIn;

    public ToolkitStack Stack { get; private set; } = null!;
    public ToolkitProcess Web { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary><c>docs/images</c> when <c>TOOLKIT_UPDATE_SCREENSHOTS=1</c> (how the committed pictures are made), else
    /// a folder in the test output, so an ordinary test run leaves the working tree clean.</summary>
    public static string ImagesDirectory => Environment.GetEnvironmentVariable("TOOLKIT_UPDATE_SCREENSHOTS") == "1"
        ? Path.Combine(RepositoryLayout.Root, "docs", "images")
        : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) throw new InvalidOperationException($"Chromium not found at {ChromiumPath} (apt-get install -y chromium)");
        Assertions.SetDefaultExpectTimeout(60_000); // a loaded CI machine; every wait still ends as soon as the condition holds
        // schedules are looked at every second, so a schedule test waits for its minute, not for the default 15 s tick too
        Stack = await ToolkitStack.StartAsync(settings: new Dictionary<string, string> { ["Toolkit__Schedules__TickInterval"] = "00:00:01" });
        Web = await WebProcess.StartAsync(Stack);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        // Every page needs a signed-in user: sign in once through the sign-in page and reuse its cookie.
        var (page, _) = await NewPageAsync(signedIn: false);
        await SignInAsync(page, ToolkitStack.AdminUser, ToolkitStack.AdminPassword);
        _signedIn = await page.Context.StorageStateAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>Signs in through the sign-in page and waits until the header shows the user.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password, string returnUrl = "")
    {
        await page.GotoAsync("login" + (returnUrl.Length > 0 ? "?returnUrl=" + Uri.EscapeDataString(returnUrl) : ""));
        await page.GetByTestId("login-username").FillAsync(userName);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("current-user")).ToContainTextAsync(userName);
    }

    /// <summary>A 1280×800 page on the Web app, signed in as the stack's admin unless <paramref name="signedIn"/> is false,
    /// that records browser console errors. <paramref name="timeZone"/>: the browser's IANA time zone (default the machine's).</summary>
    public async Task<(IPage Page, List<string> ConsoleErrors)> NewPageAsync(int width = 1280, int height = 800, bool signedIn = true, string? timeZone = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Web.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            StorageState = signedIn ? _signedIn : null,
            TimezoneId = timeZone,
        });
        context.SetDefaultTimeout(120_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") lock (errors) errors.Add(m.Text); };
        page.PageError += (_, e) => { lock (errors) errors.Add(e); };
        return (page, errors);
    }

    /// <summary>Opens a page and waits until it is interactive (the circuit is up and the live connection is connected).</summary>
    public static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected");
    }

    /// <summary>Chooses files on a Blazor file input once Blazor listens to it. Blazor attaches its change listener in a
    /// JS call after the input is rendered; a file chosen before that is dropped without a trace (a person cannot be that
    /// fast, a test on a loaded machine can), so wait for the listener's marker, however long that takes.</summary>
    public static async Task ChooseFilesAsync(ILocator input, params FilePayload[] files)
    {
        await input.Page.WaitForFunctionAsync("el => el._blazorInputFileNextFileId !== undefined", await input.ElementHandleAsync());
        await input.SetInputFilesAsync(files);
    }

    /// <inheritdoc cref="ChooseFilesAsync(ILocator, FilePayload[])"/>
    public static async Task ChooseFilesAsync(ILocator input, string path) =>
        await ChooseFilesAsync(input, new FilePayload { Name = Path.GetFileName(path), MimeType = "text/plain", Buffer = await File.ReadAllBytesAsync(path) });

    public async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ImagesDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ImagesDirectory, name + ".png") });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (Web is not null) await Web.DisposeAsync();
        if (Stack is not null) await Stack.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class UiCollection : ICollectionFixture<UiFixture>
{
    public const string Name = "ui";
}
