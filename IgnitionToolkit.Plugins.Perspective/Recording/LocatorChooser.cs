using Microsoft.Playwright;

namespace IgnitionToolkit.Plugins.Perspective.Recording;

/// <summary>A locator for a recorded step: its step parameters (as <c>LocatorSpec</c> reads them), which kind it is
/// (<c>component_path</c>, <c>role</c>, <c>text</c> or <c>css</c>), and a short description for names and logs.</summary>
public sealed record LocatorChoice(IReadOnlyDictionary<string, object?> Parameters, string Strategy, string Description)
{
    /// <summary>Two choices point at the same element when their parameters are the same.</summary>
    public string Key => string.Join("|", Parameters.Select(p => $"{p.Key}={p.Value}"));
}

/// <summary>
/// Picks the most robust locator for an element the recorder saw, in this order: its Perspective
/// <c>data-component-path</c> (when unique on the page; an input inside a component is reached through it), then
/// role + accessible name (labels included), then its text (clicks only), then CSS as the last resort.
/// </summary>
public static class LocatorChooser
{
    public static LocatorChoice Choose(RecordedTarget target, string kind)
    {
        if (target.ComponentPath is { Length: > 0 } path && target.ComponentPathCount == 1)
        {
            if (target.IsComponent)
                return new(new Dictionary<string, object?> { ["component_path"] = path }, "component_path", $"component {path}");
            if (target.InnerTag is { Length: > 0 } tag && target.InnerTagCount == 1 && IsPlainTag(tag))
                return new(new Dictionary<string, object?> { ["selector"] = $"{ComponentSelector(path)} {tag}" }, "component_path", $"{tag} of component {path}");
            if (kind == RecordedAction.Click)
                return new(new Dictionary<string, object?> { ["component_path"] = path }, "component_path", $"component {path}");
        }
        if (target.Role is { Length: > 0 } role && target.Name is { Length: > 0 } name && target.RoleCount == 1
            && Enum.TryParse<AriaRole>(role, ignoreCase: true, out _))
            return new(new Dictionary<string, object?> { ["role"] = role.ToLowerInvariant(), ["name"] = name, ["exact"] = true }, "role", $"{role} '{name}'");
        if (kind == RecordedAction.Click && target.Text is { Length: > 0 } text && target.TextCount == 1)
            return new(new Dictionary<string, object?> { ["text"] = text, ["exact"] = true }, "text", $"text '{text}'");
        var css = string.IsNullOrWhiteSpace(target.Css) ? "body" : target.Css;
        return new(new Dictionary<string, object?> { ["selector"] = css }, "css", $"'{css}'");
    }

    /// <summary>The CSS selector of a component path (quotes and backslashes escaped).</summary>
    public static string ComponentSelector(string path) =>
        $"[data-component-path=\"{path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"]";

    private static bool IsPlainTag(string tag) => tag.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
