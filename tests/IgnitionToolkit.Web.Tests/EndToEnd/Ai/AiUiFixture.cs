using IgnitionToolkit.FakeAiProvider;
using IgnitionToolkit.Testing;
using Microsoft.Playwright;

namespace IgnitionToolkit.Web.Tests.EndToEnd.Ai;

/// <summary>API + Runner + Web as real processes with AI configured for the local fake provider (Anthropic Messages
/// API, through the official SDK), its key in the vault, and one headless Chromium signed in as the admin.</summary>
public sealed class AiUiFixture : IAsyncLifetime
{
    public const string Model = "claude-test";
    private IPlaywright? _playwright;

    public FakeAiServer Provider { get; private set; } = null!;
    public ToolkitStack Stack { get; private set; } = null!;
    public ToolkitProcess Web { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(60_000); // as UiFixture: a loaded CI machine; every wait ends as soon as the condition holds
        Provider = await FakeAiServer.StartAsync();
        Stack = await ToolkitStack.StartAsync(settings: new Dictionary<string, string>
        {
            ["Toolkit__Ai__Provider"] = "anthropic",
            ["Toolkit__Ai__Model"] = Model,
            ["Toolkit__Ai__Endpoint"] = Provider.BaseAddress.ToString(),
            ["Toolkit__Ai__Prices__" + Model + "__Input"] = "3",
            ["Toolkit__Ai__Prices__" + Model + "__Output"] = "15",
        });
        Web = await WebProcess.StartAsync(Stack);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = UiFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<(IPage Page, List<string> ConsoleErrors)> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Web.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 1000 },
        });
        context.SetDefaultTimeout(120_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") lock (errors) errors.Add(m.Text); };
        page.PageError += (_, e) => { lock (errors) errors.Add(e); };
        await UiFixture.SignInAsync(page, ToolkitStack.AdminUser, ToolkitStack.AdminPassword);
        return (page, errors);
    }

    /// <summary>A picture of one element for the docs (docs/images with TOOLKIT_UPDATE_SCREENSHOTS=1).</summary>
    public async Task ScreenshotAsync(IPage page, ILocator element, string name)
    {
        Directory.CreateDirectory(UiFixture.ImagesDirectory);
        await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(UiFixture.ImagesDirectory, name + ".png") });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (Web is not null) await Web.DisposeAsync();
        if (Stack is not null) await Stack.DisposeAsync();
        if (Provider is not null) await Provider.DisposeAsync();
    }
}
