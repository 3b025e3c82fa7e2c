using System.Globalization;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Pages;
using IgnitionToolkit.Plugins.Perspective.Sessions;
using Microsoft.Playwright;
using P = IgnitionToolkit.Plugins.Perspective.Steps.PerspectiveParameters;

namespace IgnitionToolkit.Plugins.Perspective.Steps;

/// <summary><c>perspective.execute_test_manifest</c>: clicks or fills each component of a list, with a screenshot after each.</summary>
public sealed class ExecuteTestManifestStep : PerspectiveStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("perspective.execute_test_manifest", P.Category,
        "Runs a list of component tests, each a map {component_id, action: click|fill, selector, value (fill; default 'Test'), expected (echoed)}: " +
        "acts within 'timeout', waits until the page is ready again, takes a screenshot ('capture_screenshots') and goes back to 'baseline_url' " +
        "('return_to_baseline'). A failed test is recorded and the next runs ('on_failure: continue') or the list stops ('abort'); the step " +
        "completes either way: read its 'failed' output.",
        [
            new StepParameterSchema("manifest", StepParameterType.List, Required: true, Description: "The tests (maps)."),
            new StepParameterSchema("capture_screenshots", StepParameterType.Boolean, Default: true, Description: "A screenshot after each test (artifact test_<component_id>.png)."),
            new StepParameterSchema("on_failure", StepParameterType.String, Default: "continue", AllowedValues: ["continue", "abort"],
                Description: "After a failed test: continue with the next, or abort (skip the rest)."),
            new StepParameterSchema("return_to_baseline", StepParameterType.Boolean, Default: true, Description: "Open 'baseline_url' again after each test."),
            new StepParameterSchema("baseline_url", StepParameterType.String, Description: "Page to return to after each test (default: none)."),
            P.Timeout(5), P.TimeoutMs,
        ],
        Outputs: P.Outputs(
            new StepOutputSchema("status", StepParameterType.String, "'completed'."),
            new StepOutputSchema("total", StepParameterType.Integer, "Number of tests."),
            new StepOutputSchema("passed", StepParameterType.Integer, "Tests whose action succeeded."),
            new StepOutputSchema("failed", StepParameterType.Integer, "Tests whose action failed."),
            new StepOutputSchema("skipped", StepParameterType.Integer, "Tests not run (after an abort)."),
            new StepOutputSchema("results", StepParameterType.List, "One map per test: component_id, action, selector, status, error, screenshot, expected.")));

    protected override async Task<StepResult> RunAsync(StepContext context, PerspectiveSession session, CancellationToken cancellationToken)
    {
        var manifest = context.Get<List<object?>>("manifest") ?? [];
        var tests = manifest.Select((t, i) => t as IReadOnlyDictionary<string, object?>
            ?? throw new StepParameterException("manifest", $"test {i + 1} is not a map {{component_id, action, selector}}")).ToList();
        var timeout = P.TimeoutOf(context, 5);
        var abort = context.Get<string>("on_failure") == "abort";
        var baseline = context.Get<bool>("return_to_baseline") ? context.Get<string>("baseline_url") : null;
        var results = new List<object?>();
        var (passed, failed) = (0, 0);
        foreach (var test in tests)
        {
            if (abort && failed > 0)
            {
                results.Add(Result(test, "skipped", null, null));
                continue;
            }
            string? error = null;
            try
            {
                await RunTestAsync(session, test, timeout, cancellationToken);
            }
            catch (Exception ex) when (ex is PerspectivePageException or PlaywrightException or StepParameterException && !cancellationToken.IsCancellationRequested)
            {
                error = BrowserText.FirstLine(ex.Message);
            }
            string? screenshot = null;
            if (context.Get<bool>("capture_screenshots")) screenshot = await ScreenshotAsync(context, session, Text(test, "component_id") ?? $"{results.Count + 1}", cancellationToken);
            if (error is null) passed++; else failed++;
            results.Add(Result(test, error is null ? "passed" : "failed", error, screenshot));
            context.Logger.LogStep($"test {results.Count}/{tests.Count} {Text(test, "action") ?? "click"} {Text(test, "selector")}: {(error is null ? "passed" : "failed: " + error)}");
            if (!string.IsNullOrEmpty(baseline))
            {
                await Await(session.Page.GotoAsync(baseline, new() { WaitUntil = WaitUntilState.Load, Timeout = PerspectiveWaits.Ms(TimeSpan.FromSeconds(30)) }), cancellationToken);
                await PerspectiveWaits.WaitReadyAsync(session.Page, TimeSpan.FromSeconds(30), cancellationToken);
            }
        }
        return Done(("status", "completed"), ("total", (long)tests.Count), ("passed", (long)passed), ("failed", (long)failed),
            ("skipped", (long)(tests.Count - passed - failed)), ("results", results));
    }

    private static async Task RunTestAsync(PerspectiveSession session, IReadOnlyDictionary<string, object?> test, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var selector = Text(test, "selector") is { Length: > 0 } s ? s : throw new StepParameterException("manifest", $"test '{Text(test, "component_id")}' has no selector");
        var locator = new LocatorSpec(selector, null, null, null, null, null, false);
        var element = locator.First(session.Page);
        switch (Text(test, "action")?.ToLowerInvariant() ?? "click")
        {
            case "click":
                await ActAsync(session.Page, () => element.ClickAsync(new() { Timeout = PerspectiveWaits.Ms(timeout) }),
                    $"cannot click {locator}: not found, not visible or not enabled within {P.Seconds(timeout)} s", cancellationToken);
                break;
            case "fill":
                await ActAsync(session.Page, () => element.FillAsync(Text(test, "value") ?? "Test", new() { Timeout = PerspectiveWaits.Ms(timeout) }),
                    $"cannot fill {locator}: no visible, enabled, editable element within {P.Seconds(timeout)} s", cancellationToken);
                break;
            case var other:
                throw new StepParameterException("manifest", $"test '{Text(test, "component_id")}': action '{other}' is not click or fill");
        }
        await PerspectiveWaits.WaitReadyAsync(session.Page, timeout, cancellationToken);
    }

    private static async Task<string?> ScreenshotAsync(StepContext context, PerspectiveSession session, string id, CancellationToken cancellationToken)
    {
        try
        {
            var png = await Await(session.Page.ScreenshotAsync(new() { Type = ScreenshotType.Png, Timeout = 10_000 }), cancellationToken);
            await using var stream = new MemoryStream(png);
            var artifact = await context.Artifacts.SaveAsync($"test_{id}.png", "image/png", stream, cancellationToken);
            session.RecordScreenshot(artifact);
            return artifact.Name;
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            context.Logger.LogStep($"no screenshot of test {id}: {BrowserText.FirstLine(ex.Message)}");
            return null;
        }
    }

    private static Dictionary<string, object?> Result(IReadOnlyDictionary<string, object?> test, string status, string? error, string? screenshot) => new(StringComparer.Ordinal)
    {
        ["component_id"] = Text(test, "component_id"), ["action"] = Text(test, "action") ?? "click", ["selector"] = Text(test, "selector"),
        ["status"] = status, ["error"] = error, ["screenshot"] = screenshot, ["expected"] = test.GetValueOrDefault("expected"),
    };

    private static string? Text(IReadOnlyDictionary<string, object?> test, string key) =>
        test.GetValueOrDefault(key) is { } value ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
}
