using IgnitionToolkit.Contracts;
using IgnitionToolkit.Plugins.Perspective.Tests.Infrastructure;
using IgnitionToolkit.Plugins.Perspective.Visual;
using Microsoft.Playwright;
using SkiaSharp;

namespace IgnitionToolkit.Plugins.Perspective.Tests;

/// <summary><c>perspective.compare_screenshot</c> in real headless Chromium against the simulator's Demo_HMI page: the
/// first run records a pending baseline, an approved baseline passes, a change fails with a diff whose red pixels lie
/// where the page changed, a masked change passes, and approving the new picture replaces the baseline (history kept).</summary>
[Trait("Category", "Functional")]
public sealed class VisualComparisonTests : IAsyncLifetime
{
    private const string PlaybookPath = "visual/overview.yaml";
    private PerspectiveHarness _h = null!;

    public async Task InitializeAsync() => _h = await PerspectiveHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    /// <summary>Opens the home page, optionally applies a setpoint (label C:5 changes), then compares.</summary>
    private static string Screen(bool applySetpoint, string compareParameters = "") => Yaml.Playbook(Yaml.OpenHome, applySetpoint ? """
        - id: setpoint
          type: perspective.fill
          parameters: { component_path: "C:3", value: "42.5" }
        - id: apply
          type: perspective.click
          parameters: { component_path: "C:4" }
        - id: applied
          type: perspective.verify
          parameters: { component_path: "C:5", check: text_equals, expected: "Setpoint: 42.5" }
        """ : "", $$"""
        - id: overview
          type: perspective.compare_screenshot
          parameters: { {{compareParameters}} }
        """);

    private async Task<(ExecutionStatus Status, Testing.Engine.RecordingRun Run)> RunAsync(string yaml)
    {
        var file = Path.Combine(_h.Paths.PlaybooksDirectory, PlaybookPath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, yaml); // the baselines live next to a library playbook
        var loaded = _h.Loader.Load(yaml, PlaybookPath);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics));
        var run = _h.Start(loaded.Playbook!);
        return (await run.CompletionAsync(1800), run);
    }

    private BaselineLocation Baseline => new BaselineStore(_h.Paths).Locate(PlaybookPath, "overview", 1280, 720);

    [Fact]
    public async Task The_first_run_records_a_pending_baseline_and_an_approved_one_passes()
    {
        var (status, run) = await RunAsync(Screen(applySetpoint: false));
        Expect.Completed(status, run);
        Assert.Equal("pending", run.Output("overview", "result"));
        Assert.True(File.Exists(Baseline.Pending), "the first screenshot is kept for approval");
        Assert.StartsWith(Path.Combine(_h.Paths.PlaybooksDirectory, "visual", "overview.baselines"), Baseline.Pending, StringComparison.Ordinal);
        Assert.Contains(run.Events.OfType<Contracts.Events.LogEvent>(), l => l.Message.Contains("pending approval", StringComparison.Ordinal));

        Assert.True(new BaselineStore(_h.Paths).Approve(Baseline, "alice", DateTimeOffset.UtcNow));
        (status, run) = await RunAsync(Screen(applySetpoint: false));
        Expect.Completed(status, run);
        Assert.Equal("passed", run.Output("overview", "result"));
        Assert.Equal(0L, Convert.ToInt64(run.Output("overview", "diff_pixels"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_change_fails_with_a_diff_where_the_page_changed_a_mask_ignores_it_and_approval_replaces_the_baseline()
    {
        var store = new BaselineStore(_h.Paths);
        var first = await RunAsync(Screen(applySetpoint: false));
        Expect.Completed(first.Status, first.Run);
        Assert.True(store.Approve(Baseline, "alice", DateTimeOffset.UtcNow));
        var approved = await File.ReadAllBytesAsync(Baseline.Approved);

        var (status, run) = await RunAsync(Screen(applySetpoint: true));
        Assert.Equal(ExecutionStatus.Failed, status);
        var failed = run.Step("overview");
        Assert.Contains("differs from its baseline", failed.Error, StringComparison.Ordinal);
        Assert.Equal("failed", failed.Outputs["result"]);
        Assert.Equal("overview-1280x720", failed.Outputs["baseline_key"]); // what the execution page's approval names
        Assert.Equal(PlaybookPath, failed.Outputs["baseline_playbook"]);
        var names = run.Artifacts.Select(a => a.Name).ToList();
        Assert.Contains("overview-actual.png", names);
        Assert.Contains("overview-expected.png", names);
        Assert.Contains("overview-diff.png", names);
        // the test typed into the field C:3 and the label C:5 changed: the red pixels are there and nowhere else
        var field = await BoxAsync("C:3");
        var label = await BoxAsync("C:5");
        AssertRedOnlyWithin(run.Artifacts.Single(a => a.Name == "overview-diff.png").Path, field, label);

        (status, run) = await RunAsync(Screen(applySetpoint: true, "mask: [ { component_path: \"C:5\" }, \"[data-component-path='C:3']\" ]"));
        Expect.Completed(status, run);
        Assert.Equal("passed", run.Output("overview", "result"));
        (status, run) = await RunAsync(Screen(applySetpoint: true, $"mask: [ {Rectangle(field)}, {Rectangle(label)} ]"));
        Expect.Completed(status, run);
        Assert.Equal("passed", run.Output("overview", "result"));

        // the failed comparison left its picture pending: approving it makes it the baseline and keeps the old one
        (status, run) = await RunAsync(Screen(applySetpoint: true, "on_difference: warn"));
        Expect.Completed(status, run);
        Assert.Equal("warned", run.Output("overview", "result"));
        Assert.True(store.Approve(Baseline, "bob", DateTimeOffset.UtcNow.AddMinutes(1)));
        Assert.Equal("bob", store.ReadApproval(Baseline)!.ApprovedBy);
        Assert.Equal("alice", Assert.Single(store.HistoryItems(Baseline)).Approval?.ApprovedBy); // the history keeps who approved it
        Assert.Equal(approved, await File.ReadAllBytesAsync(Assert.Single(store.History(Baseline))));
        (status, run) = await RunAsync(Screen(applySetpoint: true));
        Expect.Completed(status, run);
        Assert.Equal("passed", run.Output("overview", "result"));
    }

    [Fact]
    public async Task Bad_comparison_parameters_fail_the_step_naming_the_parameter()
    {
        var (status, run) = await RunAsync(Screen(applySetpoint: false, "mask: [ { x: 1, y: 2 } ]"));
        Assert.Equal(ExecutionStatus.Failed, status);
        Expect.FailedWith(run, "overview", "mask[0] is a rectangle without 'width'");
    }

    private static string Rectangle(LocatorBoundingBoxResult box) =>
        $"{{ x: {(int)box.X - 2}, y: {(int)box.Y - 2}, width: {(int)box.Width + 5}, height: {(int)box.Height + 5} }}";

    [Fact]
    public async Task Get_text_reads_an_element_into_an_output_a_later_step_uses()
    {
        var (status, run) = await RunAsync(Yaml.Playbook(Yaml.OpenHome, """
            - id: fill
              type: perspective.fill
              parameters: { component_path: "C:3", value: "17" }
            - id: apply
              type: perspective.click
              parameters: { component_path: "C:4" }
            - id: read
              type: browser.get_text
              parameters: { component_path: "C:5" }
            - id: labels
              type: perspective.get_text
              parameters: { component: ia.display.label }
            - id: check
              type: utility.log
              parameters: { message: "label says {{ step.read.text }}" }
            """));
        Expect.Completed(status, run);
        Assert.Equal("Setpoint: 17", run.Output("read", "text"));
        Assert.Contains("label says Setpoint: 17", run.Logs);
        Assert.True(Convert.ToInt32(run.Output("labels", "count"), System.Globalization.CultureInfo.InvariantCulture) >= 3);
        Expect.FailedWith((await RunAsync(Yaml.Playbook(Yaml.OpenHome, """
            - id: read
              type: browser.get_text
              parameters: { component_path: "C:404", timeout: 0.5 }
            """))).Run, "read", "C:404");
    }

    /// <summary>Where a component is on the home page at the engine's viewport, read with Playwright directly.</summary>
    private async Task<LocatorBoundingBoxResult> BoxAsync(string componentPath)
    {
        using var playwright = await Playwright.CreateAsync();
        var options = _h.Runtime.Options;
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = options.ResolveExecutable(), Headless = true, Args = options.ResolveArgs(),
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        await page.GotoAsync($"{_h.Url}/data/perspective/client/{PerspectiveHarness.Project}/");
        var label = page.Locator($"[data-component-path='{componentPath}']");
        await label.WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
        return (await label.BoundingBoxAsync())!;
    }

    private static void AssertRedOnlyWithin(string diffPng, params LocatorBoundingBoxResult[] boxes)
    {
        using var diff = SKBitmap.Decode(diffPng);
        var red = 0;
        for (var y = 0; y < diff.Height; y++)
            for (var x = 0; x < diff.Width; x++)
            {
                var pixel = diff.GetPixel(x, y);
                if (pixel.Red != 255 || pixel.Green != 0 || pixel.Blue != 0) continue;
                red++;
                Assert.True(boxes.Any(b => x >= b.X - 2 && x <= b.X + b.Width + 2 && y >= b.Y - 2 && y <= b.Y + b.Height + 2),
                    $"a changed pixel at ({x},{y}) lies outside the changed components " + string.Join(", ", boxes.Select(b => $"{b.X},{b.Y} {b.Width}×{b.Height}")));
            }
        Assert.True(red > 0, "the diff shows no changed pixel");
    }
}
