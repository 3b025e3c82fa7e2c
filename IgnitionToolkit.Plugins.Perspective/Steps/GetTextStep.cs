using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Pages;
using IgnitionToolkit.Plugins.Perspective.Sessions;
using P = IgnitionToolkit.Plugins.Perspective.Steps.PerspectiveParameters;

namespace IgnitionToolkit.Plugins.Perspective.Steps;

/// <summary><c>browser.get_text</c> (the successor toolkit's name; also <c>perspective.get_text</c>): the text of an element
/// as an output, for a later step's template or a check.</summary>
public sealed class GetTextStep : PerspectiveStep
{
    public override StepTypeDescriptor Descriptor { get; } = new("browser.get_text", P.Category,
        "Reads the visible text of an element (the first match) into the output 'text', and the texts of every match into 'texts'.",
        P.WithLocator(P.Timeout(10)),
        Outputs: P.Outputs(
            new StepOutputSchema("text", StepParameterType.String, "Text of the first matching element, trimmed."),
            new StepOutputSchema("texts", StepParameterType.List, "Texts of every matching element, trimmed."),
            new StepOutputSchema("count", StepParameterType.Integer, "How many elements matched.")),
        Aliases: [new StepTypeAlias("perspective.get_text")]);

    protected override async Task<StepResult> RunAsync(StepContext context, PerspectiveSession session, CancellationToken cancellationToken)
    {
        var locator = LocatorSpec.From(context);
        var timeout = P.TimeoutOf(context, 10);
        var page = session.Page;
        string text = "";
        await ActAsync(page, async () => text = await locator.First(page).InnerTextAsync(new() { Timeout = PerspectiveWaits.Ms(timeout) }),
            $"{locator} was not found within {P.Seconds(timeout)} s", cancellationToken);
        var texts = await Await(locator.All(page).AllInnerTextsAsync(), cancellationToken);
        text = text.Trim();
        context.Logger.LogStep($"{locator}: '{text}'");
        return Done(("text", text), ("texts", texts.Select(t => (object?)t.Trim()).ToList()), ("count", texts.Count));
    }
}
