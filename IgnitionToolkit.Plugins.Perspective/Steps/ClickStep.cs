using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Pages;
using IgnitionToolkit.Plugins.Perspective.Sessions;
using Microsoft.Playwright;
using P = IgnitionToolkit.Plugins.Perspective.Steps.PerspectiveParameters;

namespace IgnitionToolkit.Plugins.Perspective.Steps;

/// <summary><c>perspective.click</c>: clicks the first element matched by the locator.</summary>
public sealed class ClickStep : PerspectiveStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("perspective.click", P.Category,
        "Clicks an element (waits until it is visible and enabled), then checks that the page shows no terminal state or component error.",
        P.WithLocator(
            new StepParameterSchema("double", StepParameterType.Boolean, Default: false, Description: "Double-click."),
            new StepParameterSchema("force", StepParameterType.Boolean, Default: false,
                Description: "Click even if the element is covered or not enabled (skips Playwright's actionability checks; it must still exist)."),
            new StepParameterSchema("retries", StepParameterType.Integer, Default: 0L,
                Description: "Further attempts when the click fails, each with the full 'timeout' (v5's retry_count inside parameters)."),
            P.WaitForSpinner, P.Timeout(10)),
        Outputs: P.Outputs(P.UrlOutput),
        Aliases: [V2Aliases.Alias("browser.click", V2Aliases.Click)]);

    protected override async Task<StepResult> RunAsync(StepContext context, PerspectiveSession session, CancellationToken cancellationToken)
    {
        var locator = LocatorSpec.From(context);
        var timeout = P.TimeoutOf(context, 10);
        var element = locator.First(session.Page);
        var options = new LocatorClickOptions
        {
            Timeout = PerspectiveWaits.Ms(timeout), ClickCount = context.Get<bool>("double") ? 2 : 1, Force = context.Get<bool>("force"),
        };
        var retries = context.Get<long>("retries");
        if (retries < 0) throw new StepParameterException("retries", "'retries' cannot be negative");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await ActAsync(session.Page, () => element.ClickAsync(options),
                    $"cannot click {locator}: not found, not visible or not enabled within {P.Seconds(timeout)} s" +
                    (attempt > 0 ? $" ({attempt + 1} attempts)" : ""), cancellationToken);
                break;
            }
            catch (PerspectivePageException) when (attempt < retries && !cancellationToken.IsCancellationRequested)
            {
                context.Logger.LogStep($"click on {locator} failed; attempt {attempt + 2} of {retries + 1}");
            }
        }
        if (context.Get<bool>("wait_for_spinner")) await PerspectiveWaits.WaitReadyAsync(session.Page, timeout, cancellationToken);
        else await PerspectiveWaits.CheckNotBrokenAsync(session.Page);
        context.Logger.LogStep($"clicked {locator}");
        return Done(("url", session.Page.Url));
    }
}
