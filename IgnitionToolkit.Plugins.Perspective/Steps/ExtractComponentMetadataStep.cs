using System.Globalization;
using IgnitionToolkit.Core.Plugins;
using P = IgnitionToolkit.Plugins.Perspective.Steps.PerspectiveParameters;

namespace IgnitionToolkit.Plugins.Perspective.Steps;

/// <summary><c>perspective.extract_component_metadata</c>: rates each discovered component (no browser needed).</summary>
public sealed class ExtractComponentMetadataStep : IStepPlugin
{
    public StepTypeDescriptor Descriptor { get; } = new("perspective.extract_component_metadata", P.Category,
        "Adds 'metadata' to each component of a perspective.discover_page inventory: analyzed_at, has_label, has_id, " +
        "is_perspective_component and selector_reliability (high: id or component path; medium: component id, name or ARIA label; low: CSS path). " +
        "Pass the inventory itself: components: \"{{ step.<discover id>.inventory }}\". An empty list gives status 'skipped'.",
        [new StepParameterSchema("components", StepParameterType.List, Required: true, Description: "The inventory of perspective.discover_page.")],
        Outputs:
        [
            new StepOutputSchema("status", StepParameterType.String, "'enriched', or 'skipped' for an empty list."),
            new StepOutputSchema("enriched_inventory", StepParameterType.List, "The components, each with 'metadata'."),
            new StepOutputSchema("count", StepParameterType.Integer, "Number of components."),
        ]);

    public Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var components = context.Get<List<object?>>("components") ?? [];
        var analyzedAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var enriched = new List<object?>();
        for (var i = 0; i < components.Count; i++)
        {
            if (components[i] is not IReadOnlyDictionary<string, object?> component)
                throw new StepParameterException("components", $"component {i + 1} is {Describe(components[i])}, not a map (give the inventory of perspective.discover_page)");
            var copy = new Dictionary<string, object?>(component, StringComparer.Ordinal) { ["metadata"] = Metadata(component, analyzedAt) };
            enriched.Add(copy);
        }
        var status = enriched.Count == 0 ? "skipped" : "enriched";
        context.Logger.LogStep($"{status}: {enriched.Count} components");
        return Task.FromResult(StepResult.Completed(new Dictionary<string, object?>
        {
            ["status"] = status, ["enriched_inventory"] = enriched, ["count"] = (long)enriched.Count,
        }));
    }

    private static Dictionary<string, object?> Metadata(IReadOnlyDictionary<string, object?> c, string analyzedAt)
    {
        string Text(string key) => Convert.ToString(c.GetValueOrDefault(key), CultureInfo.InvariantCulture) ?? "";
        var id = Text("id");
        var selector = Text("selector");
        var hasId = id.Length > 0 && !id.StartsWith("component-", StringComparison.Ordinal);
        var reliability =
            selector.StartsWith('#') || selector.StartsWith("[data-component-path=", StringComparison.Ordinal) ? "high"
            : selector.StartsWith("[data-component-id=", StringComparison.Ordinal) || selector.StartsWith("[name=", StringComparison.Ordinal)
              || Text("ariaLabel").Length > 0 ? "medium"
            : "low";
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["analyzed_at"] = analyzedAt,
            ["has_label"] = Text("label").Length > 0 || Text("ariaLabel").Length > 0,
            ["has_id"] = hasId,
            ["is_perspective_component"] = Text("componentPath").Length > 0 || Text("componentType").StartsWith("ia.", StringComparison.Ordinal)
                || Text("className").Contains("ia_", StringComparison.Ordinal),
            ["selector_reliability"] = reliability,
        };
    }

    private static string Describe(object? value) => value switch
    {
        null => "empty",
        string s => $"the text '{(s.Length > 40 ? s[..40] + "…" : s)}'",
        _ => $"a {value.GetType().Name}",
    };
}
