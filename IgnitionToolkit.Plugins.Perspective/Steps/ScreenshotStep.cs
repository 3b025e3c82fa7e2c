using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Pages;
using IgnitionToolkit.Plugins.Perspective.Sessions;
using Microsoft.Playwright;
using P = IgnitionToolkit.Plugins.Perspective.Steps.PerspectiveParameters;

namespace IgnitionToolkit.Plugins.Perspective.Steps;

/// <summary><c>perspective.screenshot</c>: saves the page, the full page or one element as a PNG artifact.</summary>
public sealed class ScreenshotStep : PerspectiveStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("perspective.screenshot", P.Category,
        "Saves a PNG screenshot as an artifact of the execution: the visible page, the full page ('full_page') or one element (give a locator).",
        [
            new StepParameterSchema("name", StepParameterType.String, Description: "Artifact file name (default: <step id>.png)."),
            new StepParameterSchema("full_page", StepParameterType.Boolean, Default: false, Description: "The whole scrollable page, not only the viewport."),
            .. P.WithLocator(P.Timeout(10)),
        ],
        Outputs: P.Outputs(
            new StepOutputSchema("artifact", StepParameterType.String, "Artifact name of the PNG."),
            new StepOutputSchema("size", StepParameterType.Integer, "Size in bytes."),
            new StepOutputSchema("sha256", StepParameterType.String, "SHA-256 of the file.")),
        Aliases: [V2Aliases.Alias("browser.screenshot", V2Aliases.ScreenshotPath)]);

    protected override async Task<StepResult> RunAsync(StepContext context, PerspectiveSession session, CancellationToken cancellationToken)
    {
        var (_, artifact) = await PageCapture.SaveAsync(context, session, stable: false, cancellationToken);
        context.Logger.LogStep($"screenshot {artifact.Name} ({artifact.Size} bytes)");
        return Done(("artifact", artifact.Name), ("size", artifact.Size), ("sha256", artifact.Sha256));
    }
}
