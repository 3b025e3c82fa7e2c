namespace IgnitionToolkit.Plugins.Perspective.Browser;

/// <summary>Configuration section <c>Perspective:Browser</c>: which Chromium to start and how.</summary>
public sealed class BrowserOptions
{
    public const string Section = "Perspective:Browser";
    public const string DebianChromium = "/usr/bin/chromium";

    /// <summary>Chromium executable. Empty: <c>/usr/bin/chromium</c> when present, else Playwright's own Chromium.</summary>
    public string? ExecutablePath { get; set; }

    public bool Headless { get; set; } = true;

    /// <summary>Command-line flags passed to Chromium. Empty: <see cref="DefaultArgs"/>.</summary>
    public List<string> Args { get; set; } = [];

    /// <summary>Accept self-signed gateway certificates (Ignition gateways often use them).</summary>
    public bool IgnoreHttpsErrors { get; set; } = true;

    public int ViewportWidth { get; set; } = 1280;
    public int ViewportHeight { get; set; } = 720;

    /// <summary>How long to wait for Chromium to start.</summary>
    public TimeSpan LaunchTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Live view frames per second (0 disables the live view).</summary>
    public double LiveViewFramesPerSecond { get; set; } = 2;

    /// <summary>Folder for the record of browser processes (killed at the next start if the Runner died). Empty: <c>&lt;data&gt;/browser</c>.</summary>
    public string? ProcessRecordDirectory { get; set; }

    public static IReadOnlyList<string> DefaultArgs { get; } =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
    ];

    public string? ResolveExecutable() =>
        !string.IsNullOrWhiteSpace(ExecutablePath) ? ExecutablePath
        : File.Exists(DebianChromium) ? DebianChromium
        : null;

    public IReadOnlyList<string> ResolveArgs() => Args.Count > 0 ? Args : DefaultArgs;
}
