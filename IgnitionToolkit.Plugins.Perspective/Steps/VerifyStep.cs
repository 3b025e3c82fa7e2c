using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Pages;
using IgnitionToolkit.Plugins.Perspective.Sessions;
using Microsoft.Playwright;
using P = IgnitionToolkit.Plugins.Perspective.Steps.PerspectiveParameters;

namespace IgnitionToolkit.Plugins.Perspective.Steps;

/// <summary><c>perspective.verify</c>: checks what the page shows, retrying until the condition holds or the timeout.</summary>
public sealed class VerifyStep : PerspectiveStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("perspective.verify", P.Category,
        "Checks an element: exists, visible, hidden, enabled, disabled, text_equals, text_contains, text_regex, attribute (name, optional value), " +
        "attribute_absent or count. " +
        "Retries until the condition holds or 'timeout' passes; a terminal-state page or component error fails it at once.",
        P.WithLocator(
            new StepParameterSchema("check", StepParameterType.String, Default: "visible", AllowedValues: VerifyCheck.Kinds,
                Description: "exists, visible, hidden, enabled, disabled, text_equals, text_contains, text_regex, attribute, attribute_absent or count."),
            new StepParameterSchema("expected", StepParameterType.Any, Description: "Expected text, regular expression (found anywhere in the text), attribute value or count."),
            new StepParameterSchema("attribute", StepParameterType.String, Description: "Attribute name for check 'attribute'."),
            P.Timeout(10)),
        Outputs: P.Outputs(
            new StepOutputSchema("actual", StepParameterType.String, "What was seen (text, attribute value, count or state)."),
            new StepOutputSchema("count", StepParameterType.Integer, "Number of elements matched.")),
        Aliases:
        [
            V2Aliases.Alias("browser.verify", V2Aliases.Verify),
            V2Aliases.Alias("browser.verify_text", V2Aliases.VerifyText),
            V2Aliases.Alias("browser.verify_attribute", V2Aliases.VerifyAttribute),
            V2Aliases.Alias("browser.verify_state", V2Aliases.VerifyStateCheck),
        ]);

    protected override async Task<StepResult> RunAsync(StepContext context, PerspectiveSession session, CancellationToken cancellationToken)
    {
        var locator = LocatorSpec.From(context);
        var check = VerifyCheck.From(context);
        var timeout = P.TimeoutOf(context, 10);
        var all = locator.All(session.Page);
        var deadline = DateTime.UtcNow + timeout;
        string actual;
        while (true)
        {
            await PerspectiveWaits.CheckNotBrokenAsync(session.Page);
            bool holds;
            try
            {
                (holds, actual) = await Await(check.EvaluateAsync(all), cancellationToken);
            }
            catch (PlaywrightException ex) when (!cancellationToken.IsCancellationRequested && !BrowserText.IsSelectorError(ex))
            {
                (holds, actual) = (false, BrowserText.FirstLine(ex.Message)); // the element changed meanwhile: look again
            }
            if (holds) break;
            if (DateTime.UtcNow >= deadline)
            {
                var count = await all.CountAsync();
                return StepResult.Failed($"verify failed: expected {check.Describe(locator.ToString())}, but found {actual} (after {P.Seconds(timeout)} s)",
                    new Dictionary<string, object?> { ["actual"] = actual, ["count"] = (long)count });
            }
            await Task.Delay(100, cancellationToken);
        }
        var matched = await all.CountAsync();
        context.Logger.LogStep($"verified {check.Describe(locator.ToString())}: {actual}");
        return Done(("actual", actual.Trim('\'')), ("count", (long)matched));
    }
}
