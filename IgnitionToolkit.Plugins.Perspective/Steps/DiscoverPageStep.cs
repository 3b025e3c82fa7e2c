using System.Globalization;
using System.Text.Json;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Plugins.Perspective.Pages;
using IgnitionToolkit.Plugins.Perspective.Sessions;
using P = IgnitionToolkit.Plugins.Perspective.Steps.PerspectiveParameters;

namespace IgnitionToolkit.Plugins.Perspective.Steps;

/// <summary><c>perspective.discover_page</c>: an inventory of the interactive components under a root (also inside shadow roots).</summary>
public sealed class DiscoverPageStep : PerspectiveStep
{
    private static readonly string Script = ReadScript();

    public override StepTypeDescriptor Descriptor { get; } = new("perspective.discover_page", P.Category,
        "Lists the interactive components under 'selector' (default body), in the page and in open shadow roots: buttons, links, inputs, " +
        "selects, ARIA roles, onclick handlers and every element with a Perspective component path. Each has id, type, selector (a string " +
        "usable in later steps), label, text, position, visible, disabled and componentPath. Waits for the page to be ready first.",
        [
            new StepParameterSchema("selector", StepParameterType.String, Default: "body", Description: "Root element (CSS) to search under."),
            new StepParameterSchema("types", StepParameterType.List, Description: "Only these types (button, dropdown, toggle, input, link, textarea, text, checkbox..., role, container, display); default all."),
            new StepParameterSchema("exclude_selectors", StepParameterType.List, Description: "Skip elements matching (or inside) any of these CSS selectors."),
            P.Timeout(10), P.TimeoutMs,
        ],
        Outputs: P.Outputs(
            new StepOutputSchema("status", StepParameterType.String, "'discovered'."),
            new StepOutputSchema("count", StepParameterType.Integer, "Number of components found."),
            new StepOutputSchema("inventory", StepParameterType.List, "The components (maps: id, index, type, tagName, selector, cssPath, xpath, text, label, position, visible, disabled, componentPath...)."),
            new StepOutputSchema("timestamp", StepParameterType.String, "When the page was read (UTC, ISO 8601)."),
            new StepOutputSchema("root_selector", StepParameterType.String, "The root searched under.")));

    protected override async Task<StepResult> RunAsync(StepContext context, PerspectiveSession session, CancellationToken cancellationToken)
    {
        var root = context.Get<string>("selector") is { Length: > 0 } s ? s : "body";
        var types = Strings(context, "types");
        var exclude = Strings(context, "exclude_selectors");
        var timeout = P.TimeoutOf(context, 10);
        await PerspectiveWaits.WaitReadyAsync(session.Page, timeout, cancellationToken);
        var answer = await Await(session.Page.EvaluateAsync<JsonElement>(Script, new { root, types, exclude }), cancellationToken);
        if (answer.TryGetProperty("error", out var error))
            throw new PerspectivePageException($"discover_page: root '{root}' not found on {session.Page.Url} ({error.GetString()})");
        var inventory = StepValues.FromJson(answer.GetProperty("components")) as List<object?> ?? [];
        context.Logger.LogStep($"discovered {inventory.Count} components under '{root}' on {session.Page.Url}");
        return Done(("status", "discovered"), ("count", (long)inventory.Count), ("inventory", inventory),
            ("timestamp", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)), ("root_selector", root));
    }

    private static string[] Strings(StepContext context, string name) =>
        [.. (context.Get<List<object?>>(name) ?? []).Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").Where(v => v.Length > 0)];

    private static string ReadScript()
    {
        using var stream = typeof(DiscoverPageStep).Assembly.GetManifestResourceStream("discovery.js")
            ?? throw new InvalidOperationException("discovery.js is not embedded");
        using var reader = new StreamReader(stream);
        // Playwright recognises a function by how the text starts: drop the leading comment lines.
        return string.Join('\n', reader.ReadToEnd().Split('\n').SkipWhile(line => line.StartsWith("//", StringComparison.Ordinal)));
    }
}
