using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Pages;
using IgnitionToolkit.Plugins.Perspective.Sessions;
using P = IgnitionToolkit.Plugins.Perspective.Steps.PerspectiveParameters;

namespace IgnitionToolkit.Plugins.Perspective.Steps;

/// <summary><c>perspective.fill</c>: types a value into an input (the value is never logged).</summary>
public sealed class FillStep : PerspectiveStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("perspective.fill", P.Category,
        "Replaces the value of an input, text area or editable element. The value is never written to the log.",
        P.WithLocator(
            new StepParameterSchema("value", StepParameterType.String, Required: true, Description: "Text to enter."),
            new StepParameterSchema("press_enter", StepParameterType.Boolean, Default: false, Description: "Press Enter afterwards (commits Perspective text fields)."),
            P.Timeout(10)),
        Outputs: P.Outputs(),
        Aliases: [V2Aliases.Alias("browser.fill")]);

    protected override async Task<StepResult> RunAsync(StepContext context, PerspectiveSession session, CancellationToken cancellationToken)
    {
        var locator = LocatorSpec.From(context);
        var value = context.Get<string>("value") ?? "";
        var timeout = P.TimeoutOf(context, 10);
        var element = locator.First(session.Page);
        await ActAsync(session.Page, async () =>
        {
            await element.FillAsync(value, new() { Timeout = PerspectiveWaits.Ms(timeout) });
            if (context.Get<bool>("press_enter")) await element.PressAsync("Enter", new() { Timeout = PerspectiveWaits.Ms(timeout) });
        }, $"cannot fill {locator}: no visible, enabled, editable element within {P.Seconds(timeout)} s", cancellationToken);
        await PerspectiveWaits.CheckNotBrokenAsync(session.Page);
        context.Logger.LogStep($"filled {locator} ({value.Length} characters)");
        return Done();
    }
}
