using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Pages;
using IgnitionToolkit.Plugins.Perspective.Sessions;
using Microsoft.Playwright;
using P = IgnitionToolkit.Plugins.Perspective.Steps.PerspectiveParameters;

namespace IgnitionToolkit.Plugins.Perspective.Steps;

/// <summary><c>perspective.wait_for</c>: waits until an element reaches a state.</summary>
public sealed class WaitForStep : PerspectiveStep
{
    private static readonly string[] States = ["visible", "hidden", "attached", "detached"];

    public override StepTypeDescriptor Descriptor { get; } = new("perspective.wait_for", P.Category,
        "Waits until an element is visible, hidden, attached (present) or detached (gone). Fails at once on a terminal-state page or a component error.",
        P.WithLocator(
            new StepParameterSchema("state", StepParameterType.String, Default: "visible", AllowedValues: States,
                Description: "visible, hidden, attached or detached."),
            P.Timeout(30)),
        Outputs: P.Outputs(),
        Aliases:
        [
            V2Aliases.Alias("browser.wait"),
            V2Aliases.Alias("perspective.verify_dock_opened", renamed: new Dictionary<string, string> { ["dock_selector"] = "selector" }),
        ]);

    protected override async Task<StepResult> RunAsync(StepContext context, PerspectiveSession session, CancellationToken cancellationToken)
    {
        var locator = LocatorSpec.From(context);
        var timeout = P.TimeoutOf(context, 30);
        var stateName = context.Get<string>("state") ?? "visible";
        var state = Enum.Parse<WaitForSelectorState>(stateName, ignoreCase: true);
        var wait = locator.First(session.Page).WaitForAsync(new() { State = state, Timeout = PerspectiveWaits.Ms(timeout) });
        // The page is watched meanwhile so that a terminal state or component error fails the step at once.
        while (!wait.IsCompleted)
        {
            await Task.WhenAny(wait, Task.Delay(200, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            if (!wait.IsCompleted) await PerspectiveWaits.CheckNotBrokenAsync(session.Page);
        }
        try
        {
            await wait;
        }
        catch (TimeoutException ex)
        {
            await PerspectiveWaits.CheckNotBrokenAsync(session.Page);
            throw new PerspectivePageException($"{locator} did not become {stateName} within {P.Seconds(timeout)} s", ex);
        }
        context.Logger.LogStep($"{locator} is {stateName}");
        return Done();
    }
}
