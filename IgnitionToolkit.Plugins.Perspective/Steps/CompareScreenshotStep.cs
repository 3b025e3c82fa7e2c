using System.Globalization;
using IgnitionToolkit.Core.Configuration;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Pages;
using IgnitionToolkit.Plugins.Perspective.Sessions;
using IgnitionToolkit.Plugins.Perspective.Visual;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using P = IgnitionToolkit.Plugins.Perspective.Steps.PerspectiveParameters;

namespace IgnitionToolkit.Plugins.Perspective.Steps;

/// <summary><c>perspective.compare_screenshot</c>: compares the page, the full page or one element with the approved
/// baseline of this playbook, name and viewport (see <see cref="BaselineStore"/>); on a difference it saves the actual,
/// expected and diff pictures as artifacts and fails (or warns).</summary>
public sealed class CompareScreenshotStep : PerspectiveStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("perspective.compare_screenshot", P.Category,
        "Compares a screenshot (the page, the full page or one element) with the approved baseline of this playbook and viewport. " +
        "Animations and the caret are frozen; masked regions are ignored. The first run records a baseline pending approval.",
        [
            new StepParameterSchema("name", StepParameterType.String, Description: "Baseline name (default: the step id)."),
            new StepParameterSchema("full_page", StepParameterType.Boolean, Default: false, Description: "The whole scrollable page, not only the viewport."),
            new StepParameterSchema("threshold", StepParameterType.Float, Default: 0.1,
                Description: "Per-pixel colour tolerance, 0–1: a pixel differs when a channel differs by more than this × 255."),
            new StepParameterSchema("max_diff_pixels", StepParameterType.Integer, Default: 0, Description: "Differing pixels allowed."),
            new StepParameterSchema("max_diff_ratio", StepParameterType.Float, Description: "Share of differing pixels allowed, 0–1 (with max_diff_pixels: the smaller limit)."),
            new StepParameterSchema("mask", StepParameterType.List,
                Description: "Regions to ignore: selectors (\"#clock\"), locators ({ component_path: \"C:5\" }) or rectangles ({ x, y, width, height })."),
            new StepParameterSchema("on_difference", StepParameterType.String, Default: "fail", Description: "fail (default) or warn.",
                AllowedValues: ["fail", "warn"]),
            .. P.WithLocator(P.Timeout(10)),
        ],
        Outputs: P.Outputs(
            new StepOutputSchema("result", StepParameterType.String, "passed, failed, warned or pending (no approved baseline yet)."),
            new StepOutputSchema("diff_pixels", StepParameterType.Integer, "Pixels that differ from the baseline."),
            new StepOutputSchema("diff_ratio", StepParameterType.Float, "Share of the compared pixels that differ."),
            new StepOutputSchema("baseline", StepParameterType.String, "Where the baseline is kept."),
            new StepOutputSchema("baseline_key", StepParameterType.String, "The baseline's key (name-WIDTHxHEIGHT), as the Baselines page and API name it."),
            new StepOutputSchema("baseline_playbook", StepParameterType.String, "The playbook the baseline belongs to (with baseline_key: what approval names)."),
            new StepOutputSchema("actual", StepParameterType.String, "Artifact name of the screenshot."),
            new StepOutputSchema("expected", StepParameterType.String, "Artifact name of the baseline (on a difference)."),
            new StepOutputSchema("diff", StepParameterType.String, "Artifact name of the diff picture (on a difference).")));

    protected override async Task<StepResult> RunAsync(StepContext context, PerspectiveSession session, CancellationToken cancellationToken)
    {
        var page = session.Page;
        var locator = LocatorSpec.FromOptional(context);
        var timeout = P.TimeoutOf(context, 10);
        var name = context.Get<string>("name") is { Length: > 0 } given ? given : context.StepId;
        var options = ComparisonOptions.From(context, page);
        await PerspectiveWaits.CheckNotBrokenAsync(page);
        var fullPage = context.Get<bool>("full_page");
        var masked = await MaskRectanglesAsync(page, locator, options, fullPage, cancellationToken);
        var png = await PageCapture.CaptureAsync(page, locator, fullPage, timeout, stable: true, cancellationToken);

        var viewport = page.ViewportSize;
        var (width, height) = viewport is null ? ImageComparison.SizeOf(png) : (viewport.Width, viewport.Height);
        var store = context.Services.GetService<BaselineStore>() ?? new BaselineStore(context.Services.GetRequiredService<ToolkitPaths>());
        var location = store.Locate(context.Host.PlaybookPath, name, width, height);
        var actual = await SaveAsync(context, $"{name}-actual.png", png, cancellationToken);
        session.RecordScreenshot(actual);
        var outputs = new Dictionary<string, object?>
        {
            ["baseline"] = location.Approved, ["baseline_key"] = location.Key, ["baseline_playbook"] = context.Host.PlaybookPath, ["actual"] = actual.Name,
        };

        if (store.ReadApproved(location) is not { } baseline)
        {
            store.WritePending(location, png);
            context.Logger.LogWarning("no approved baseline for '{Name}' ({Width}×{Height}) yet: this screenshot is recorded as pending approval", name, width, height);
            outputs["result"] = "pending";
            return StepResult.Completed(outputs);
        }

        var result = ImageComparison.Compare(baseline, png, options.Threshold, masked);
        outputs["diff_pixels"] = result.DifferentPixels;
        outputs["diff_ratio"] = result.DifferentRatio;
        if (result.SizeMismatch is null && result.DifferentPixels <= options.Allowed(result.ComparedPixels))
        {
            context.Logger.LogStep($"'{name}' matches its baseline ({Describe(result)} differ)");
            outputs["result"] = "passed";
            return StepResult.Completed(outputs);
        }

        store.WritePending(location, png); // the candidate an operator may approve
        outputs["expected"] = (await SaveAsync(context, $"{name}-expected.png", baseline, cancellationToken)).Name;
        outputs["diff"] = (await SaveAsync(context, $"{name}-diff.png", result.DiffPng, cancellationToken)).Name;
        var message = result.SizeMismatch is { } size
            ? $"the screenshot '{name}' does not match its baseline: {size}"
            : $"the screenshot '{name}' differs from its baseline: {Describe(result)} differ (allowed {options.Describe(result.ComparedPixels)})"
              + (result.ChangedRegion is { } r ? $", in the region x={r.X} y={r.Y} {r.Width}×{r.Height}" : "");
        if (options.WarnOnly)
        {
            context.Logger.LogWarning("{Message}", message);
            outputs["result"] = "warned";
            return StepResult.Completed(outputs);
        }
        outputs["result"] = "failed";
        return StepResult.Failed(message, outputs);
    }

    /// <summary>The masks as rectangles of the capture: the given rectangles, and the boxes of the elements the mask
    /// locators match now. Masked regions are left out of the comparison rather than painted over, so a mask added after
    /// the baseline was approved needs no new approval.</summary>
    private static async Task<IReadOnlyList<MaskRectangle>> MaskRectanglesAsync(IPage page, LocatorSpec? locator, ComparisonOptions options,
        bool fullPage, CancellationToken cancellationToken)
    {
        var rectangles = new List<MaskRectangle>(options.Rectangles);
        if (options.Masks.Count == 0) return rectangles;
        var (originX, originY) = (0.0, 0.0);
        if (locator is not null && await Await(locator.First(page).BoundingBoxAsync(), cancellationToken) is { } element) (originX, originY) = (element.X, element.Y);
        else if (fullPage && await Await(page.EvaluateAsync<double[]>("() => [window.scrollX, window.scrollY]"), cancellationToken) is [var scrollX, var scrollY])
            (originX, originY) = (-scrollX, -scrollY); // a full-page picture starts at the top of the document
        foreach (var mask in options.Masks)
        {
            foreach (var match in await Await(mask.AllAsync(), cancellationToken))
            {
                if (await Await(match.BoundingBoxAsync(), cancellationToken) is not { } box) continue; // not visible: nothing to hide
                var x = (int)Math.Floor(box.X - originX);
                var y = (int)Math.Floor(box.Y - originY);
                rectangles.Add(new MaskRectangle(Math.Max(0, x), Math.Max(0, y), (int)Math.Ceiling(box.Width) + 2, (int)Math.Ceiling(box.Height) + 2));
            }
        }
        return rectangles;
    }

    private static async Task<ArtifactInfo> SaveAsync(StepContext context, string name, byte[] png, CancellationToken cancellationToken)
    {
        await using var stream = new MemoryStream(png);
        return await context.Artifacts.SaveAsync(name, "image/png", stream, cancellationToken);
    }

    private static string Describe(ComparisonResult result) =>
        string.Create(CultureInfo.InvariantCulture, $"{result.DifferentPixels} of {result.ComparedPixels} pixels ({result.DifferentRatio * 100:0.###} %)");
}
