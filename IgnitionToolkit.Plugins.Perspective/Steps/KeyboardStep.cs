using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Pages;
using IgnitionToolkit.Plugins.Perspective.Sessions;
using P = IgnitionToolkit.Plugins.Perspective.Steps.PerspectiveParameters;

namespace IgnitionToolkit.Plugins.Perspective.Steps;

/// <summary><c>perspective.keyboard</c>: presses a key or key chord, or types text (v5 listed <c>browser.keyboard</c> but never ran it).</summary>
public sealed class KeyboardStep : PerspectiveStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("perspective.keyboard", P.Category,
        "Presses a key or key chord ('key': Enter, Tab, Escape, ArrowDown, Control+A, Shift+Tab...) or types text ('text', key by key), " +
        "into the element of 'selector' (focused first) or the element that has the focus.",
        [
            new StepParameterSchema("key", StepParameterType.String,
                Description: "Key or chord to press, in Playwright's names: Enter, Tab, Escape, Backspace, ArrowUp, F5, Control+A, Shift+Tab..."),
            new StepParameterSchema("text", StepParameterType.String, Description: "Text to type, one key press per character (never logged)."),
            new StepParameterSchema("selector", StepParameterType.String, Description: "Element to focus first (CSS or any Playwright selector); default: the focused element."),
            new StepParameterSchema("repeat", StepParameterType.Integer, Default: 1L, Description: "How many times to press 'key'."),
            P.Timeout(10), P.TimeoutMs,
        ],
        Outputs: P.Outputs(),
        Aliases: [V2Aliases.Alias("browser.keyboard")]);

    protected override async Task<StepResult> RunAsync(StepContext context, PerspectiveSession session, CancellationToken cancellationToken)
    {
        var key = context.Get<string>("key");
        var text = context.Get<string>("text");
        if (string.IsNullOrEmpty(key) == (text is null))
            throw new StepParameterException("key", "give either 'key' (a key or chord to press) or 'text' (text to type), not both");
        var repeat = context.Get<long?>("repeat") ?? 1;
        if (repeat < 1) throw new StepParameterException("repeat", "'repeat' must be at least 1");
        var timeout = P.TimeoutOf(context, 10);
        var keyboard = session.Page.Keyboard;
        if (context.Get<string>("selector") is { Length: > 0 } selector)
        {
            var locator = new LocatorSpec(selector, null, null, null, null, null, false);
            await ActAsync(session.Page, () => locator.First(session.Page).FocusAsync(new() { Timeout = PerspectiveWaits.Ms(timeout) }),
                $"cannot focus {locator}: not found within {P.Seconds(timeout)} s", cancellationToken);
        }
        await PerspectiveWaits.CheckNotBrokenAsync(session.Page);
        try
        {
            if (text is not null) await Await(keyboard.TypeAsync(text), cancellationToken);
            else for (var i = 0; i < repeat; i++) await Await(keyboard.PressAsync(key!), cancellationToken);
        }
        catch (Microsoft.Playwright.PlaywrightException ex) when (ex.Message.Contains("Unknown key", StringComparison.OrdinalIgnoreCase))
        {
            throw new StepParameterException("key", $"'{key}' is not a key name (e.g. Enter, Tab, Escape, ArrowDown, Control+A)");
        }
        await PerspectiveWaits.CheckNotBrokenAsync(session.Page);
        context.Logger.LogStep(text is not null ? $"typed {text.Length} characters" : $"pressed {key}" + (repeat > 1 ? $" {repeat} times" : ""));
        return Done();
    }
}
